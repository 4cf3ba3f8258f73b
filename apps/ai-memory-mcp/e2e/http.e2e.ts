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

const configuredEnv = { EMBEDDINGS_API_KEY: 'e2e-token-000000', AI_MEMORY_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'item_get', arguments: { id: 'id-1' } };

describeServerOverHttp({
  app: 'ai-memory-mcp',
  configuredEnv,
  secrets: ['EMBEDDINGS_API_KEY'],
  sampleCall,
  writeTools: [],
});

describe('ai-memory-mcp over HTTP against a fake AI-Memory on loopback', () => {
  it('calls item_get and reaches the upstream', async () => {
    const upstream = await serveFakeUpstream([
      http.get('*/items/:id', ({ params }) => HttpResponse.json({ id: params.id, name: 'Example' })),
    ]);
    const server = await startServerProcess(bundlePath('ai-memory-mcp'), { ...configuredEnv, AI_MEMORY_API_URL: upstream.url });
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
