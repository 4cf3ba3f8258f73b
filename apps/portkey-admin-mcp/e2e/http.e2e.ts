import {
  HttpResponse,
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
} from '@sophia/mcp-testing';

const configuredEnv = { PORTKEY_API_KEY: 'e2e-token-000000', PORTKEY_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'get_item', arguments: { id: 'id-1' } };

describeServerOverHttp({ app: 'portkey-admin-mcp', configuredEnv, sampleCall });

describe('portkey-admin-mcp over HTTP against a fake Portkey on loopback', () => {
  it('calls get_item through both client generations and reaches the upstream', async () => {
    const upstream = await serveFakeUpstream([
      http.get('*/items/:id', ({ params }) => HttpResponse.json({ id: params.id, name: 'Example' })),
    ]);
    try {
      const env = { ...configuredEnv, PORTKEY_API_URL: upstream.url };
      for (const result of await callToolOverHttp(bundlePath('portkey-admin-mcp'), env, sampleCall)) {
        expect(resultJson(result)).toEqual({ id: sampleCall.arguments.id, name: 'Example' });
      }
      expect(upstream.requests).toHaveLength(2);
    } finally {
      await upstream.close();
    }
  });
});
