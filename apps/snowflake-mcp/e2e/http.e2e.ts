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

const configuredEnv = { SNOWFLAKE_TOKEN: 'e2e-token-000000', SNOWFLAKE_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'item_get', arguments: { id: 'id-1' } };

describeServerOverHttp({
  app: 'snowflake-mcp',
  configuredEnv,
  secrets: ['SNOWFLAKE_TOKEN'],
  sampleCall,
  writeTools: [],
});

describe('snowflake-mcp over HTTP against a fake Snowflake on loopback', () => {
  it('calls item_get and reaches the upstream', async () => {
    const upstream = await serveFakeUpstream([
      http.get('*/items/:id', ({ params }) => HttpResponse.json({ id: params.id, name: 'Example' })),
    ]);
    const server = await startServerProcess(bundlePath('snowflake-mcp'), { ...configuredEnv, SNOWFLAKE_API_URL: upstream.url });
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
