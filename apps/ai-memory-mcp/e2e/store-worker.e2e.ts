import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { bundlePath, connectHttpClient, resultJson, slowestHealthz, startServerProcess, waitUntilReady } from '@sophia/mcp-testing';

// Starting an empty data directory runs PGlite's initdb (seconds on a busy machine).
jest.setTimeout(180_000);

/**
 * Memories the slow call scans: a search for a misspelled word over long texts, which compares the
 * word with every memory by trigram similarity (seconds on PGlite). list_entities, the slow call of
 * issue #10, now takes milliseconds.
 */
const MEMORIES = 2_000;
const ENTITIES = 400;

/** Real volume, written straight into the migrated store while no server holds it. */
async function seed(dataDir: string): Promise<void> {
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  try {
    await db.exec(`
      INSERT INTO ai_memory_memories (id, user_id, namespace, text)
        SELECT 'bulk-' || g, 'bulk', 'default', repeat('memory number ' || g || ' about topic ' || (g % ${ENTITIES}) || '. ', 100)
          FROM generate_series(1, ${MEMORIES}) g;
      INSERT INTO ai_memory_entities (user_id, namespace, type, name)
        SELECT 'bulk', 'default', 'topic', 'topic ' || g FROM generate_series(0, ${ENTITIES - 1}) g;
      INSERT INTO ai_memory_memory_entities (memory_id, entity_id)
        SELECT 'bulk-' || g, e.id FROM generate_series(1, ${MEMORIES}) g
          JOIN ai_memory_entities e ON e.user_id = 'bulk' AND e.name = 'topic ' || (g % ${ENTITIES});
    `);
  } finally {
    await db.close();
  }
}

// Issue #10 defect 3: the store ran on the event loop, so one slow query stalled every
// call and /healthz for seconds. Now it runs on a worker thread.
describe('ai-memory-mcp bundle: the PGlite store on a worker thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-memory-e2e-worker-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps /healthz answering within 1 s while a large search runs, and keeps what was acknowledged', async () => {
    const env = { AI_MEMORY_DATA_DIR: dataDir, MCP_TOOL_TIMEOUT_MS: '60000', MCP_SHUTDOWN_TIMEOUT_MS: '5000' };
    const first = await startServerProcess(bundlePath('ai-memory-mcp'), env);
    try {
      await waitUntilReady(first.baseUrl);
      const client = await connectHttpClient(first.mcpUrl);
      const added = await client.callTool({ name: 'add_memory', arguments: { user_id: 'u1', text: 'acknowledged before the bulk load' } });
      expect(added.isError).toBeFalsy();
      await client.close();
    } finally {
      expect(await first.stop()).toBe(0);
    }
    await seed(dataDir);

    const server = await startServerProcess(bundlePath('ai-memory-mcp'), env);
    try {
      await waitUntilReady(server.baseUrl);
      const client = await connectHttpClient(server.mcpUrl);
      const started = Date.now();
      const listing = client.callTool({ name: 'search_memories', arguments: { user_id: 'bulk', query: 'topicz', limit: 50 } });
      const slowest = await slowestHealthz(server.baseUrl, listing);
      const took = Date.now() - started;
      expect(resultJson<{ results: unknown[] }>(await listing).results).toHaveLength(50);
      // The call must be slow for the probe to prove anything: grow MEMORIES if this machine is faster.
      expect(took).toBeGreaterThan(1_000);
      expect(slowest).toBeLessThan(1_000);
      expect(resultJson(await client.callTool({ name: 'list_memories', arguments: { user_id: 'u1' } }))).toMatchObject({
        items: [expect.objectContaining({ text: 'acknowledged before the bulk load' })],
      });
      await client.close();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
