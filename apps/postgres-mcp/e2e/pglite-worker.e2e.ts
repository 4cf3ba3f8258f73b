import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundlePath,
  connectHttpClient,
  resultError,
  resultJson,
  slowestHealthz,
  startServerProcess,
  waitUntilReady,
} from '@sophia/mcp-testing';

jest.setTimeout(90_000);

// Issue #10 defect 3: PGlite ran on the event loop, so one pg_sleep(20) held every call and the
// health probes for 20 s, past the tool timeout. Now it runs on a worker thread that the timeout ends.
describe('postgres-mcp bundle: embedded PGlite on a worker thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-e2e-worker-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers a statement past MCP_TOOL_TIMEOUT_MS with a timeout, keeps /healthz fast, restarts on the same data', async () => {
    const server = await startServerProcess(bundlePath('postgres-mcp'), {
      POSTGRES_DATA_DIR: dataDir,
      POSTGRES_ACCESS_MODE: 'unrestricted',
      MCP_TOOL_TIMEOUT_MS: '2000',
      MCP_SHUTDOWN_TIMEOUT_MS: '2000',
    });
    const client = await connectHttpClient(server.mcpUrl);
    try {
      await waitUntilReady(server.baseUrl);
      const sql = (text: string) => client.callTool({ name: 'execute_sql', arguments: { sql: text } });
      expect((await sql('CREATE TABLE worker_notes (id int PRIMARY KEY, body text)')).isError).toBeFalsy();
      expect((await sql("INSERT INTO worker_notes VALUES (1, 'acknowledged')")).isError).toBeFalsy();

      const started = Date.now();
      const sleeping = sql('SELECT pg_sleep(20)');
      const slowest = await slowestHealthz(server.baseUrl, sleeping);
      expect(resultError(await sleeping)).toMatch(/^timeout: execute_sql did not finish within 2000 ms/);
      expect(Date.now() - started).toBeLessThan(3_500);
      expect(slowest).toBeLessThan(1_000);

      // A new worker opens the same data directory at once: nothing acknowledged is lost. Opening PGlite
      // takes seconds on a busy machine, so a call in that window may itself time out; the next one answers.
      let after = await sql('SELECT body FROM worker_notes');
      for (let attempt = 0; after.isError && attempt < 5; attempt++) after = await sql('SELECT body FROM worker_notes');
      expect(resultJson(after)).toMatchObject({ rows: [{ body: 'acknowledged' }] });
    } finally {
      await client.close();
      const code = await server.stop();
      expect([code, server.child.signalCode, server.output()]).toEqual([0, null, expect.anything()]);
    }
  });
});
