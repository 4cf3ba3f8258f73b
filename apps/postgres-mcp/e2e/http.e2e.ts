import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  bundlePath,
  connectHttpClient,
  connectLegacyHttpClient,
  describeServerOverHttp,
  jsonRpcPost,
  rawRequest,
  resultError,
  resultJson,
  startPostgresServer,
  startServerProcess,
  waitUntilReady,
  type PostgresServer,
} from '@sophia/mcp-testing';
import { PgliteWorker } from '@sophia/pglite-worker';

// The transport checks every server passes; the manifest says postgres-mcp needs no credential
// (embedded PGlite), so without DATABASE_URL it is ready.
const transportDataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-e2e-transport-'));
afterAll(() => rmSync(transportDataDir, { recursive: true, force: true }));
// The server listens before its store opens; PGlite's initdb (tens of seconds on a loaded machine) is
// done here once, so each start below opens an existing directory within the readiness check's time.
beforeAll(async () => {
  await (await PgliteWorker.open(transportDataDir)).close();
}, 180_000);
describeServerOverHttp({
  app: 'postgres-mcp',
  configuredEnv: { POSTGRES_DATA_DIR: transportDataDir },
  sampleCall: { name: 'list_schemas', arguments: {} },
  // No upstream: each call holds the database for a moment itself (pg_sleep is a read function).
  // Embedded PGlite runs one statement at a time, so the 12 calls take 12 × the sleep in turn.
  drain: { call: { name: 'execute_sql', arguments: { sql: 'SELECT pg_sleep(0.1)' } }, upstreamEnv: false },
});

/** The bundle as a process started from another working directory, as the image runs it. */
async function startFromElsewhere(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'postgres-mcp-cwd-'));
  const server = await startServerProcess(bundlePath('postgres-mcp'), { MCP_SHUTDOWN_TIMEOUT_MS: '2000', ...env }, { cwd });
  return {
    ...server,
    stop: async () => {
      const code = await server.stop();
      rmSync(cwd, { recursive: true, force: true });
      return code;
    },
  };
}

describe('postgres-mcp bundle with the embedded PGlite database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-e2e-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is ready, guards Host/Origin, serves both client generations, and keeps its data across restarts', async () => {
    const writer = await startFromElsewhere({ POSTGRES_DATA_DIR: dataDir, POSTGRES_ACCESS_MODE: 'unrestricted' });
    try {
      expect((await rawRequest(`${writer.baseUrl}/healthz`)).status).toBe(200);
      await waitUntilReady(writer.baseUrl); // /readyz says `starting` until the store is open
      const ready = await rawRequest(`${writer.baseUrl}/readyz`);
      expect([ready.status, JSON.parse(ready.body)]).toEqual([200, { ready: true, status: 'ready', tools: 7 }]);
      const post = jsonRpcPost();
      expect((await rawRequest(writer.mcpUrl, { ...post, headers: { ...post.headers, host: 'evil.example' } })).status).toBe(403);
      expect((await rawRequest(writer.mcpUrl, { ...post, headers: { ...post.headers, origin: 'http://evil.example' } })).status).toBe(403);
      expect((await rawRequest(writer.mcpUrl)).status).toBe(405);

      const client = await connectHttpClient(writer.mcpUrl);
      const tools = (await client.listTools()).tools;
      expect(tools.find((tool) => tool.name === 'execute_sql')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
      for (const sql of ['CREATE TABLE IF NOT EXISTS e2e_notes (id int PRIMARY KEY, body text)', "INSERT INTO e2e_notes VALUES (1, 'kept') ON CONFLICT DO NOTHING"]) {
        const result = await client.callTool({ name: 'execute_sql', arguments: { sql } });
        expect(result.isError).toBeFalsy();
      }
      await client.close();
    } finally {
      expect(await writer.stop()).toBe(0);
    }

    const reader = await startFromElsewhere({ POSTGRES_DATA_DIR: dataDir });
    try {
      const legacy = await connectLegacyHttpClient(reader.mcpUrl);
      const tools = (await legacy.listTools()).tools;
      expect(tools.map((tool) => tool.name).sort()).toEqual(
        ['db_health', 'describe_object', 'execute_sql', 'explain_query', 'list_objects', 'list_schemas', 'top_queries'],
      );
      expect(tools.find((tool) => tool.name === 'execute_sql')?.annotations).toMatchObject({ readOnlyHint: true });
      expect(resultJson(await legacy.callTool({ name: 'list_schemas', arguments: {} }))).toMatchObject({
        engine: 'pglite',
        schemas: [expect.objectContaining({ name: 'public' })],
      });
      expect(resultJson(await legacy.callTool({ name: 'execute_sql', arguments: { sql: 'SELECT body FROM e2e_notes' } }))).toMatchObject({
        rows: [{ body: 'kept' }],
      });
      expect(resultError(await legacy.callTool({ name: 'execute_sql', arguments: { sql: 'COMMIT; DROP TABLE e2e_notes' } }))).toMatch(
        /one statement per call/,
      );
      // The guard's parser (libpg-query's WASM) loads from the bundle's directory and sees through escapes.
      const escape = 'SELECT U&"pg\\005fterminate\\005fbackend"(pg_backend_pid())';
      expect(resultError(await legacy.callTool({ name: 'execute_sql', arguments: { sql: escape } }))).toMatch(
        /^forbidden: restricted mode allows only read functions.*pg_terminate_backend is not one/,
      );
      await legacy.close();
    } finally {
      expect(await reader.stop()).toBe(0);
    }
  }, 60_000); // two starts, the first runs PGlite's initdb in WASM

  it('requires the bearer token when set; MCP_READ_ONLY forces restricted even with POSTGRES_ACCESS_MODE=unrestricted', async () => {
    const token = 'local-test-token-0123456789abcdef-123';
    const server = await startServerProcess(bundlePath('postgres-mcp'), {
      POSTGRES_DATA_DIR: dataDir,
      POSTGRES_ACCESS_MODE: 'unrestricted',
      MCP_READ_ONLY: 'true',
      MCP_AUTH_TOKEN: token,
    });
    try {
      const anonymous = await rawRequest(server.mcpUrl, jsonRpcPost());
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
      const client = await connectHttpClient(server.mcpUrl, { token });
      const tools = (await client.listTools()).tools;
      expect(tools).toHaveLength(7);
      expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
      expect(resultError(await client.callTool({ name: 'execute_sql', arguments: { sql: 'DROP TABLE e2e_notes' } }))).toMatch(
        /restricted mode runs only/,
      );
      await client.close();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('postgres-mcp bundle against a real PostgreSQL server (DATABASE_URL)', () => {
  let database: PostgresServer | undefined;
  let url = process.env['TEST_DATABASE_URL'] ?? '';
  /** The same server as a role without SUPERUSER that reads everything, as production should connect. */
  let readerUrl = '';
  beforeAll(async () => {
    if (!url) {
      database = await startPostgresServer();
      url = database.url;
    }
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    try {
      await owner.query('DROP ROLE IF EXISTS e2e_reader');
      await owner.query('CREATE ROLE e2e_reader LOGIN IN ROLE pg_read_all_data, pg_read_all_stats');
    } finally {
      await owner.end();
    }
    const parsed = new URL(url);
    parsed.username = 'e2e_reader';
    parsed.password = '';
    readerUrl = parsed.toString();
  }, 60_000);
  afterAll(() => database?.stop(), 30_000);

  it('refuses to run SQL as a superuser in restricted mode unless POSTGRES_ALLOW_SUPERUSER=true', async () => {
    const mcp = await startFromElsewhere({ DATABASE_URL: url });
    try {
      const client = await connectHttpClient(mcp.mcpUrl);
      expect(resultError(await client.callTool({ name: 'execute_sql', arguments: { sql: 'SELECT 1' } }))).toMatch(
        /^forbidden: restricted mode does not run SQL as PostgreSQL role "[^"]+", which has SUPERUSER.*POSTGRES_ALLOW_SUPERUSER=true/,
      );
      await client.close();
    } finally {
      expect(await mcp.stop()).toBe(0);
    }
  });

  it('lists schemas and runs SQL read-only on the server', async () => {
    const server = await startFromElsewhere({ DATABASE_URL: readerUrl });
    try {
      const client = await connectHttpClient(server.mcpUrl);
      expect(resultJson(await client.callTool({ name: 'list_schemas', arguments: {} }))).toMatchObject({
        engine: 'postgresql',
        schemas: expect.arrayContaining([expect.objectContaining({ name: 'public' })]),
      });
      expect(resultJson(await client.callTool({ name: 'execute_sql', arguments: { sql: 'SELECT $1::int8 * 2 AS n', params: ['4611686018427387903'] } }))).toMatchObject({
        rows: [{ n: '9223372036854775806' }],
      });
      expect(resultError(await client.callTool({ name: 'execute_sql', arguments: { sql: 'COMMIT; CREATE TABLE escaped (id int)' } }))).toMatch(
        /^invalid_input: .*one statement per call/,
      );
      await client.close();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
