import {
  HttpResponse,
  bundlePath,
  connectHttpClient,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  startServerProcess,
} from '@sophia/mcp-testing';

const configuredEnv = { DATABASE_URL: 'e2e-token-000000', POSTGRES_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'item_get', arguments: { id: 'id-1' } };

describeServerOverHttp({
  app: 'postgres-mcp',
  configuredEnv,
  secrets: ['DATABASE_URL'],
  sampleCall,
  writeTools: [],
});

describe('postgres-mcp over HTTP against a fake PostgreSQL on loopback', () => {
  it('calls item_get and reaches the upstream', async () => {
    const upstream = await serveFakeUpstream([
      http.get('*/items/:id', ({ params }) => HttpResponse.json({ id: params.id, name: 'Example' })),
    ]);
    const server = await startServerProcess(bundlePath('postgres-mcp'), { ...configuredEnv, POSTGRES_API_URL: upstream.url });
    try {
      const client = await connectHttpClient(server.mcpUrl);
      expect(resultJson(await client.callTool(sampleCall))).toEqual({ id: sampleCall.arguments.id, name: 'Example' });
      await client.close();
      expect(upstream.requests).toHaveLength(1);
    } finally {
      await server.stop();
      await upstream.close();
    }
  });
});
