import {
  HttpResponse,
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
} from '@sophia/mcp-testing';

const configuredEnv = { OPENROUTER_API_KEY: 'e2e-token-000000', UI_UX_AGENT_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'get_item', arguments: { id: 'id-1' } };

describeServerOverHttp({ app: 'ui-ux-agent-mcp', configuredEnv, sampleCall });

describe('ui-ux-agent-mcp over HTTP against a fake UI/UX agent on loopback', () => {
  it('calls get_item through both client generations and reaches the upstream', async () => {
    const upstream = await serveFakeUpstream([
      http.get('*/items/:id', ({ params }) => HttpResponse.json({ id: params.id, name: 'Example' })),
    ]);
    try {
      const env = { ...configuredEnv, UI_UX_AGENT_API_URL: upstream.url };
      for (const result of await callToolOverHttp(bundlePath('ui-ux-agent-mcp'), env, sampleCall)) {
        expect(resultJson(result)).toEqual({ id: sampleCall.arguments.id, name: 'Example' });
      }
      expect(upstream.requests).toHaveLength(2);
    } finally {
      await upstream.close();
    }
  });
});
