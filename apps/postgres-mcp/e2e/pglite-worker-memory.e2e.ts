import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestMemoryLimitMiB, processMemoryMiB } from '@sophia/pglite-worker/testing';
import { bundlePath, connectHttpClient, resultJson, startServerProcess, waitUntilReady } from '@sophia/mcp-testing';

jest.setTimeout(180_000);

/**
 * Issue #15 item 2: the embedded store grew past its pod's memory limit (~870 MiB at start-up:
 * initdb in-process, 128 MB shared_buffers). The peak resident memory of the bundle's process
 * (main thread, PGlite's worker thread and its WASM memory) must stay under the limit the
 * manifest gives the deployment, through a first start, real work and a worker restart.
 */
describe('postgres-mcp bundle: embedded PGlite stays under its deployment memory limit', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-e2e-memory-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('first start, bulk writes, an index build, sorts and a restart after a timeout stay under the limit', async () => {
    const limit = manifestMemoryLimitMiB(join(__dirname, '..', 'mcp-server.json'));
    const server = await startServerProcess(bundlePath('postgres-mcp'), {
      POSTGRES_DATA_DIR: join(dataDir, 'pglite'),
      POSTGRES_ACCESS_MODE: 'unrestricted',
      MCP_TOOL_TIMEOUT_MS: '3000',
      MCP_SHUTDOWN_TIMEOUT_MS: '3000',
    });
    const pid = server.child.pid as number;
    const client = await connectHttpClient(server.mcpUrl);
    try {
      await waitUntilReady(server.baseUrl);
      const sql = async (text: string) => {
        let result = await client.callTool({ name: 'execute_sql', arguments: { sql: text } });
        // A call landing while the restarted worker opens may itself time out; the next one answers.
        for (let attempt = 0; result.isError && attempt < 5; attempt++) result = await client.callTool({ name: 'execute_sql', arguments: { sql: text } });
        expect(result.isError).toBeFalsy();
        return result;
      };
      await sql('CREATE TABLE notes (id int PRIMARY KEY, body text)');
      for (let batch = 0; batch < 10; batch++) {
        await sql(`INSERT INTO notes SELECT g, repeat(md5(g::text), 8) FROM generate_series(${batch * 5_000 + 1}, ${(batch + 1) * 5_000}) g`);
      }
      await sql('CREATE INDEX notes_body ON notes (body)');
      await sql('SELECT body FROM notes ORDER BY reverse(body) LIMIT 5');
      await sql('SELECT left(body, 2) AS prefix, count(*) FROM notes GROUP BY 1 ORDER BY 2 DESC LIMIT 5');
      const afterWork = processMemoryMiB(pid);

      const timedOut = await client.callTool({ name: 'execute_sql', arguments: { sql: 'SELECT pg_sleep(20)' } });
      expect(timedOut.isError).toBe(true);
      expect(resultJson(await sql('SELECT count(*)::int AS n FROM notes'))).toMatchObject({ rows: [{ n: 50_000 }] });
      const afterRestart = processMemoryMiB(pid);

      const report = `limit ${limit} MiB; after work ${fmt(afterWork)}; after the restart ${fmt(afterRestart)}`;
      expect({ report, underLimit: afterRestart.peak < limit }).toEqual({ report, underLimit: true });
    } finally {
      await client.close();
      await server.stop();
    }
  });
});

const fmt = ({ rss, peak }: { rss: number; peak: number }) => `rss ${rss.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB`;
