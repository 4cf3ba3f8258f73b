import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlePath, connectHttpClient, jsonRpcPost, resultJson, startServerProcess, waitUntilReady } from '@sophia/mcp-testing';

jest.setTimeout(45_000);


/** Sends a tools/call and drops the connection after `ms`: the client disconnect that cancels the call. */
function callThenDisconnect(mcpUrl: string, sql: string, ms: number): Promise<void> {
  const post = jsonRpcPost({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'execute_sql', arguments: { sql } } });
  return new Promise((resolve) => {
    const req = request(mcpUrl, { method: post.method, headers: post.headers });
    req.on('error', () => resolve()); // the socket we destroyed
    req.on('response', (res) => res.resume().on('end', () => resolve()));
    req.end(post.body);
    setTimeout(() => req.destroy(), ms);
  });
}

// Issue #10 (no freeze, no lost call): a client that disconnects mid-statement ends its call, which
// terminates the PGlite worker once; every later call must answer on the restarted worker, never restart it.
describe('postgres-mcp bundle: a call cancelled by a client disconnect', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-e2e-cancel-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('restarts the worker once; the next 20 calls all answer on it', async () => {
    const server = await startServerProcess(bundlePath('postgres-mcp'), {
      POSTGRES_DATA_DIR: dataDir,
      POSTGRES_ACCESS_MODE: 'unrestricted',
      MCP_TOOL_TIMEOUT_MS: '10000',
      MCP_SHUTDOWN_TIMEOUT_MS: '2000',
    });
    const client = await connectHttpClient(server.mcpUrl);
    try {
      await waitUntilReady(server.baseUrl);
      const sql = (text: string) => client.callTool({ name: 'execute_sql', arguments: { sql: text } });
      expect((await sql('CREATE TABLE cancel_notes (id int PRIMARY KEY)')).isError).toBeFalsy();

      await callThenDisconnect(server.mcpUrl, 'SELECT pg_sleep(5)', 200);
      // The cancelled call's end is logged once the server sees the disconnect.
      const restarts = () => server.output().split('restarting PGlite worker').length - 1;
      for (let waited = 0; restarts() === 0 && waited < 5_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(restarts()).toBe(1);

      for (let n = 1; n <= 20; n++) {
        const result = await sql(`INSERT INTO cancel_notes VALUES (${n}) RETURNING id`);
        expect(resultJson(result)).toMatchObject({ rows: [{ id: n }] });
      }
      expect(resultJson(await sql('SELECT count(*)::int AS n FROM cancel_notes'))).toMatchObject({ rows: [{ n: 20 }] });
      expect(restarts()).toBe(1);
    } finally {
      await client.close();
      const code = await server.stop();
      expect([code, server.child.signalCode, server.output()]).toEqual([0, null, expect.anything()]);
    }
  });
});
