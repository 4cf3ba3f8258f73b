import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HttpResponse,
  bundlePath,
  callToolOverHttp,
  connectHttpClient,
  connectLegacyHttpClient,
  describeServerOverHttp,
  http,
  rawRequest,
  resultJson,
  serveFakeUpstream,
  startServerProcess,
  type FakeUpstreamServer,
  type ServerProcess,
} from '@sophia/mcp-testing';
import { PgliteWorker } from '@sophia/pglite-worker';
import { conceptVector } from '../test/fake-embeddings';

// First start of an empty data directory runs PGlite's initdb (seconds on a busy machine).
jest.setTimeout(120_000);

// The transport checks every server passes; the manifest says ai-memory-mcp needs no credential.
const transportDataDir = mkdtempSync(join(tmpdir(), 'ai-memory-e2e-transport-'));
afterAll(() => rmSync(transportDataDir, { recursive: true, force: true }));
// The server listens before its store opens: PGlite's initdb done once here keeps each start below
// within the readiness check's time.
beforeAll(async () => {
  await (await PgliteWorker.open(transportDataDir)).close();
}, 180_000);
describeServerOverHttp({
  app: 'ai-memory-mcp',
  configuredEnv: { AI_MEMORY_DATA_DIR: transportDataDir },
  sampleCall: { name: 'list_memories', arguments: { user_id: 'u1' } },
  // A search embeds its query: with EMBEDDINGS_API_URL on the slow fake, calls stay in flight.
  drain: { call: { name: 'search_memories', arguments: { user_id: 'u1', query: 'drain', mode: 'vector' } } },
});

describe('ai-memory-mcp whose PostgreSQL is unreachable', () => {
  it('is healthy but answers /readyz 503 not_ready with the reason, never the password', async () => {
    const server = await startServerProcess(bundlePath('ai-memory-mcp'), { DATABASE_URL: 'postgres://memory:s3cret-pw@127.0.0.1:9/memory' });
    try {
      expect((await rawRequest(`${server.baseUrl}/healthz`)).status).toBe(200);
      const ready = await rawRequest(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toMatchObject({
        status: 'not_ready',
        reason: expect.stringMatching(/could not reach PostgreSQL \(DATABASE_URL\): ECONNREFUSED/),
      });
      expect(ready.body + server.output()).not.toContain('s3cret-pw');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('ai-memory-mcp over HTTP (built bundle, embedded PGlite)', () => {
  let workDir: string;
  let embeddings: FakeUpstreamServer;

  beforeAll(async () => {
    // The bundle runs from an unrelated working directory, as in the image: PGlite must find its
    // wasm/data next to main.js. The default data directory is the user's (XDG), never this cwd.
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
  const env = () => ({
    EMBEDDINGS_API_URL: embeddings.url,
    EMBEDDINGS_MODEL: 'e2e/concepts',
    MCP_TOOL_TIMEOUT_MS: '90000',
    XDG_DATA_HOME: join(workDir, 'xdg'),
  });

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
    // No AI_MEMORY_DATA_DIR: the default is $XDG_DATA_HOME/sophia/ai-memory-mcp, and nothing lands in the cwd.
    expect(existsSync(join(workDir, 'xdg', 'sophia', 'ai-memory-mcp', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(workDir, 'ai-memory-data'))).toBe(false);

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

  it('searches full text when no embeddings endpoint is configured', async () => {
    const env = { AI_MEMORY_DATA_DIR: join(workDir, 'second') };
    const search = { name: 'search_memories', arguments: { user_id: 'u', query: 'anything' } };
    for (const result of await callToolOverHttp(bundlePath('ai-memory-mcp'), env, search)) {
      expect(resultJson(result)).toMatchObject({ mode: 'text', results: [] });
    }
  });
});
