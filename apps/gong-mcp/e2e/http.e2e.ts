import {
  HttpResponse,
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
} from '@sophia/mcp-testing';

const configuredEnv = {
  GONG_ACCESS_KEY: 'E2EACCESSKEY00000000',
  GONG_ACCESS_SECRET: 'e2e-secret.eyJhbGciOiJIUzI1NiJ9.1111',
  GONG_API_URL: 'http://127.0.0.1:1',
};
const sampleCall = { name: 'get_call', arguments: { callId: '7782342274025937895' } };

describeServerOverHttp({ app: 'gong-mcp', configuredEnv, sampleCall });

describe('gong-mcp over HTTP against a fake Gong on loopback', () => {
  it('calls get_call through both client generations with Basic auth, and answers structuredContent', async () => {
    const basic = `Basic ${Buffer.from(`${configuredEnv.GONG_ACCESS_KEY}:${configuredEnv.GONG_ACCESS_SECRET}`).toString('base64')}`;
    const upstream = await serveFakeUpstream([
      http.get('*/v2/calls/:id', ({ params, request }) =>
        request.headers.get('authorization') === basic
          ? HttpResponse.json({ requestId: 'r', call: { id: params['id'], title: 'Acme pricing', started: '2026-11-10T15:01:12Z', duration: 1824 } })
          : HttpResponse.json({ requestId: 'r', errors: ['Unauthorized'] }, { status: 401 }),
      ),
    ]);
    try {
      const env = { ...configuredEnv, GONG_API_URL: upstream.url };
      for (const result of await callToolOverHttp(bundlePath('gong-mcp'), env, sampleCall)) {
        expect(resultJson(result)).toMatchObject({ id: sampleCall.arguments.callId, title: 'Acme pricing', durationSeconds: 1824 });
        expect((result as { structuredContent?: unknown }).structuredContent).toMatchObject({ id: sampleCall.arguments.callId });
      }
      expect(upstream.requests).toHaveLength(2);
    } finally {
      await upstream.close();
    }
  });
});
