import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bundlePath, connectHttpClient, resultJson, slowestHealthz, startServerProcess, waitUntilReady } from '@sophia/mcp-testing';

// Starting an empty data directory runs PGlite's initdb (seconds on a busy machine).
jest.setTimeout(180_000);

/**
 * Memories and entities the slow call groups over: a few seconds of list_entities on PGlite (issue #10
 * measured ~5 s over 10,000 memories; bulk-loaded rows have no planner statistics, so fewer suffice).
 */
const MEMORIES = 2_000;
const ENTITIES = 400;

/** Real volume, written straight into the migrated store while no server holds it. */
async function seed(dataDir: string): Promise<void> {
  const db = await PGlite.create(dataDir);
  try {
    await db.exec(`
      INSERT INTO ai_memory_memories (id, user_id, namespace, text)
        SELECT 'bulk-' || g, 'bulk', 'default', 'memory number ' || g || ' about topic ' || (g % ${ENTITIES})
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

// Issue #10 defect 3: the store ran on the event loop, so one large list_entities stalled every
// call and /healthz for seconds. Now it runs on a worker thread.
describe('ai-memory-mcp bundle: the PGlite store on a worker thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-memory-e2e-worker-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps /healthz answering within 1 s while a large list_entities runs, and keeps what was acknowledged', async () => {
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
      const listing = client.callTool({ name: 'list_entities', arguments: { user_id: 'bulk', limit: 100 } });
      const slowest = await slowestHealthz(server.baseUrl, listing);
      const took = Date.now() - started;
      expect(resultJson<{ items: unknown[] }>(await listing).items).toHaveLength(100);
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
