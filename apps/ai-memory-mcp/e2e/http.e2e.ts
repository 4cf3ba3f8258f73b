import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HttpResponse,
  bundlePath,
  connectHttpClient,
  connectLegacyHttpClient,
  http,
  jsonRpcPost,
  rawRequest,
  resultJson,
  serveFakeUpstream,
  startServerProcess,
  type FakeUpstreamServer,
  type ServerProcess,
} from '@sophia/mcp-testing';
import { conceptVector } from '../test/fake-embeddings';

// First start of an empty data directory runs PGlite's initdb (seconds on a busy machine).
jest.setTimeout(120_000);

const writeTools = ['add_memory', 'update_memory', 'delete_memory'];

/**
 * describeServerOverHttp is not used: its "without credentials" check expects /readyz 503 and
 * a not_configured error, which a server with no required secret (secrets: []) never gives.
 * The transport checks that apply are made here with the same building blocks.
 */
describe('ai-memory-mcp over HTTP (built bundle, embedded PGlite)', () => {
  let workDir: string;
  let embeddings: FakeUpstreamServer;

  beforeAll(async () => {
    // The bundle runs from an unrelated working directory, as in the image: PGlite must find its
    // wasm/data next to main.js, and the default data directory is relative to this cwd.
    workDir = mkdtempSync(join(tmpdir(), 'ai-memory-e2e-'));
    embeddings = await serveFakeUpstream([
      http.post('*/embeddings', async ({ request }) => {
        const body = (await request.json()) as { input: string[]; model: string };
        return HttpResponse.json({
          object: 'list',
          data: body.input.map((text, index) => ({ object: 'embedding', embedding: conceptVector(text), index })),
          model: body.model,
          usage: { prompt_tokens: 1, total_tokens: 1 },
        });
      }),
    ]);
  });

  afterAll(async () => {
    await embeddings.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  // A generous per-call timeout: the first call waits for initdb, slow on a loaded machine.
  const env = () => ({ EMBEDDINGS_API_URL: embeddings.url, EMBEDDINGS_MODEL: 'e2e/concepts', MCP_TOOL_TIMEOUT_MS: '90000' });

  it('keeps memories across SIGKILL: write, kill -9, restart, read back (default data dir, vector index too)', async () => {
    let server: ServerProcess = await startServerProcess(bundlePath('ai-memory-mcp'), env(), { cwd: workDir });
    let id: string;
    try {
      const client = await connectHttpClient(server.mcpUrl);
      const added = resultJson(
        await client.callTool({ name: 'add_memory', arguments: { user_id: 'u1', text: 'Has a puppy named Rex.', tags: ['pet'] } }),
      ) as { id: string; embedded: boolean };
      expect(added.embedded).toBe(true);
      id = added.id;
      await client.callTool({ name: 'update_memory', arguments: { user_id: 'u1', id, text: 'Has a puppy named Rex, two years old.' } });
      await client.close();
    } finally {
      server.child.kill('SIGKILL');
      await new Promise((resolve) => (server.child.exitCode === null && server.child.signalCode === null ? server.child.once('exit', resolve) : resolve(undefined)));
    }
    expect(server.child.signalCode).toBe('SIGKILL');
    // No AI_MEMORY_DATA_DIR: the default directory was created under the working directory.
    expect(existsSync(join(workDir, 'ai-memory-data', 'PG_VERSION'))).toBe(true);

    server = await startServerProcess(bundlePath('ai-memory-mcp'), env(), { cwd: workDir });
    try {
      const client = await connectLegacyHttpClient(server.mcpUrl);
      const memory = resultJson(
        await client.callTool({ name: 'get_memory', arguments: { user_id: 'u1', id, include_history: true } }),
      ) as { text: string; version: number; history: { text: string }[] };
      expect(memory).toMatchObject({ text: 'Has a puppy named Rex, two years old.', version: 2, history: [{ text: 'Has a puppy named Rex.' }] });
      const found = resultJson(
        await client.callTool({ name: 'search_memories', arguments: { user_id: 'u1', query: 'dog', mode: 'vector' } }),
      ) as { results: { memory: { id: string }; similarity: number }[] };
      expect(found.results[0]?.memory.id).toBe(id);
      expect(found.results[0]?.similarity).toBeGreaterThan(0.9);
      const other = resultJson(await client.callTool({ name: 'list_memories', arguments: { user_id: 'u2' } }));
      expect(other).toEqual({ items: [] });
      await client.close();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('is healthy and ready without any secret, guards /mcp, and serves both SDK generations the same tools', async () => {
    const server = await startServerProcess(bundlePath('ai-memory-mcp'), { AI_MEMORY_DATA_DIR: join(workDir, 'second') }, { cwd: workDir });
    try {
      expect((await rawRequest(`${server.baseUrl}/healthz`)).status).toBe(200);
      const ready = await rawRequest(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toMatchObject({ ready: true, tools: 7 });
      const post = jsonRpcPost();
      expect((await rawRequest(server.mcpUrl, { ...post, headers: { ...post.headers, host: 'evil.example' } })).status).toBe(403);
      expect((await rawRequest(server.mcpUrl)).status).toBe(405);
      const modern = await connectHttpClient(server.mcpUrl);
      const legacy = await connectLegacyHttpClient(server.mcpUrl);
      const modernNames = (await modern.listTools()).tools.map((tool) => tool.name);
      const legacyNames = (await legacy.listTools()).tools.map((tool) => tool.name);
      // Full-text only here (no embeddings endpoint): search still works.
      const search = resultJson(await modern.callTool({ name: 'search_memories', arguments: { user_id: 'u', query: 'anything' } }));
      await Promise.all([modern.close(), legacy.close()]);
      expect(modernNames).toHaveLength(7);
      expect(legacyNames).toEqual(modernNames);
      expect(search).toMatchObject({ mode: 'text', results: [] });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('requires the bearer token when MCP_AUTH_TOKEN is set, and hides write tools in read-only mode', async () => {
    const token = 'local-test-token-123';
    const server = await startServerProcess(bundlePath('ai-memory-mcp'), {
      AI_MEMORY_DATA_DIR: join(workDir, 'third'),
      MCP_AUTH_TOKEN: token,
      MCP_READ_ONLY: 'true',
    }, { cwd: workDir });
    try {
      expect((await rawRequest(server.mcpUrl, jsonRpcPost())).status).toBe(401);
      const client = await connectHttpClient(server.mcpUrl, { token });
      const names = (await client.listTools()).tools.map((tool) => tool.name);
      await client.close();
      expect(names.sort()).toEqual(['get_memory', 'list_entities', 'list_memories', 'search_memories']);
      for (const name of writeTools) expect(names).not.toContain(name);
    } finally {
      await server.stop();
    }
  });
});
