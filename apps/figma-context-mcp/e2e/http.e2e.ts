import { HttpResponse, bundlePath, callToolOverHttp, describeServerOverHttp, http, resultJson, serveFakeUpstream } from '@sophia/mcp-testing';
import { FILE_KEY, me, nodesResponse } from '../test/fixtures/figma';

const configuredEnv = { FIGMA_TOKEN: 'figd_e2e000000000000000', FIGMA_API_URL: 'http://127.0.0.1:1' };

describeServerOverHttp({ app: 'figma-context-mcp', configuredEnv, sampleCall: { name: 'get_me', arguments: {} } });

describe('figma-context-mcp over HTTP against a fake Figma on loopback', () => {
  it('get_design_context from a share URL through both client generations, structuredContent matching the text', async () => {
    const tokens: Array<string | null> = [];
    const upstream = await serveFakeUpstream([
      http.get('*/files/:key/nodes', ({ request }) => {
        tokens.push(request.headers.get('x-figma-token'));
        return HttpResponse.json(nodesResponse());
      }),
      http.get('*/me', () => HttpResponse.json(me)),
    ]);
    try {
      const env = { ...configuredEnv, FIGMA_API_URL: upstream.url };
      const call = { name: 'get_design_context', arguments: { file: `https://www.figma.com/design/${FILE_KEY}/Travel?node-id=1-2`, depth: 2 } };
      for (const result of await callToolOverHttp(bundlePath('figma-context-mcp'), env, call)) {
        expect(resultJson(result)).toMatchObject({ nodeId: '1:2', depth: 2, nodes: [{ id: '1:2', name: 'Card' }] });
        expect(result.structuredContent).toEqual(resultJson(result));
      }
      expect(upstream.requests.map((request) => request.path)).toEqual([
        `/files/${FILE_KEY}/nodes?ids=1%3A2&depth=3`,
        `/files/${FILE_KEY}/nodes?ids=1%3A2&depth=3`,
      ]);
      expect(tokens).toEqual([configuredEnv.FIGMA_TOKEN, configuredEnv.FIGMA_TOKEN]);
    } finally {
      await upstream.close();
    }
  });
});
