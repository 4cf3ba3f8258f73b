import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { resultError, resultJson, startPostgresServer, toolCaller, type PostgresServer } from '@sophia/mcp-testing';
import { createLogger } from '@sophia/mcp-base';
import { postgresApp } from '../src/app';
import { PgDatabase } from '../src/database/pg-database';
import { describeDatabaseBehaviour, type SuiteTarget } from './database-suite';
import { describeShadowedBuiltins } from './user-code-suite';
import { generateAttacks, knownEscapes, SIDE_EFFECTS_SQL } from './escape-forms';

// A real PostgreSQL server: TEST_DATABASE_URL when given (a role that may create roles and
// extensions), else a throwaway cluster for this file (Debian's postgresql with contrib; a missing
// install fails here with the apt-get command, never skips). The cluster's URL is its superuser.
let server: PostgresServer | undefined;
let url = process.env['TEST_DATABASE_URL'] ?? '';
/** The same server as mcp_reader: LOGIN, no SUPERUSER, reads everything (pg_read_all_data, pg_read_all_stats). */
let readerUrl = '';

const asRole = (serverUrl: string, role: string) => {
  const parsed = new URL(serverUrl);
  parsed.username = role;
  parsed.password = '';
  return parsed.toString();
};

async function asOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (!url) {
    server = await startPostgresServer({ settings: { shared_preload_libraries: 'pg_stat_statements' } });
    url = server.url;
  }
  await asOwner(async (client) => {
    for (const statement of [
      'DROP ROLE IF EXISTS mcp_reader',
      'CREATE ROLE mcp_reader LOGIN',
      'GRANT pg_read_all_data, pg_read_all_stats TO mcp_reader',
      // What the attacks reach for when they get through: another connection, server files, statistics.
      'CREATE EXTENSION IF NOT EXISTS dblink',
      'CREATE EXTENSION IF NOT EXISTS adminpack',
      'CREATE EXTENSION IF NOT EXISTS pg_stat_statements',
    ]) {
      await client.query(statement);
    }
  });
  readerUrl = asRole(url, 'mcp_reader');
}, 60_000);

afterAll(async () => {
  await server?.stop();
}, 30_000);

const realServer: SuiteTarget = {
  engine: 'postgresql',
  env: () => ({ DATABASE_URL: url }),
  readerEnv: () => ({ DATABASE_URL: readerUrl }),
};
describeDatabaseBehaviour(realServer);
describeShadowedBuiltins(realServer);

describe('real PostgreSQL specifics', () => {
  const callTool = (name: string, args: Record<string, unknown> = {}, env: Record<string, string> = {}) =>
    toolCaller(postgresApp, {})(name, args, { DATABASE_URL: readerUrl, ...env });

  it('enforces the statement timeout', async () => {
    const result = await callTool('execute_sql', { sql: 'SELECT pg_sleep(5)' }, { POSTGRES_STATEMENT_TIMEOUT_MS: '200' });
    expect(result.content).toEqual([
      { type: 'text', text: expect.stringMatching(/^timeout: PostgreSQL error 57014: canceling statement due to statement timeout/) },
    ]);
  });

  it('top_queries ranks statements from pg_stat_statements', async () => {
    const { queries } = resultJson(await callTool('top_queries', { sort_by: 'calls', limit: 5 })) as {
      queries: { calls: string; query: string }[];
    };
    expect(queries.length).toBeGreaterThan(0);
    expect(queries[0]).toEqual(expect.objectContaining({ calls: expect.any(String), query: expect.any(String) }));
  });

  it("allows a built-in's name that only an extension overloads (citext's lower(citext) is not user code)", async () => {
    await asOwner((client) => client.query('CREATE EXTENSION IF NOT EXISTS citext'));
    expect(resultJson(await callTool('execute_sql', { sql: `SELECT lower('AB'::citext)::text AS v` }))).toMatchObject({
      rows: [{ v: 'ab' }],
    });
  });

  it('top_queries never shows a literal that pg_stat_statements kept verbatim (utility statements)', async () => {
    const secret = 'pw-top-queries-0a1b2c';
    await asOwner(async (admin) => {
      // A clean slate, so the probe is among the top statements whatever ran before.
      await admin.query('SELECT pg_stat_statements_reset()');
      await admin.query(`CREATE ROLE mcp_literal_probe LOGIN PASSWORD '${secret}'`);
      await admin.query(`COMMENT ON ROLE mcp_literal_probe IS E'note ${secret}'`);
      await admin.query('DROP ROLE mcp_literal_probe');
    });
    const result = await callTool('top_queries', { sort_by: 'calls', limit: 50 });
    const { queries } = resultJson(result) as { queries: { query: string }[] };
    expect(queries.map((entry) => entry.query)).toEqual(expect.arrayContaining([expect.stringMatching(/^CREATE ROLE mcp_literal_probe/)]));
    expect(JSON.stringify(result).includes(secret)).toBe(false);
  });
});

describe('restricted mode and privileged roles (real PostgreSQL)', () => {
  const restricted = toolCaller(postgresApp, {});
  const superuserEnv = () => ({ DATABASE_URL: url });

  it('refuses to run SQL as a superuser unless POSTGRES_ALLOW_SUPERUSER=true, naming the fix', async () => {
    for (const [tool, args] of [
      ['execute_sql', { sql: 'SELECT 1' }],
      ['explain_query', { sql: 'SELECT 1' }],
    ] as const) {
      expect(resultError(await restricted(tool, args, superuserEnv()))).toMatch(
        /^forbidden: restricted mode does not run SQL as PostgreSQL role "[^"]+", which has SUPERUSER[A-Z, ]*: .*set POSTGRES_ALLOW_SUPERUSER=true/,
      );
    }
    // The catalog tools send only their own fixed reads; unrestricted mode is the operator's explicit choice.
    expect(resultJson(await restricted('list_schemas', {}, superuserEnv()))).toMatchObject({ engine: 'postgresql' });
    const unrestricted = toolCaller(postgresApp, {});
    expect((await unrestricted('execute_sql', { sql: 'SELECT 1' }, { ...superuserEnv(), POSTGRES_ACCESS_MODE: 'unrestricted' })).isError).toBeFalsy();
    expect(resultJson(await restricted('execute_sql', { sql: 'SELECT 1 AS one' }, { ...superuserEnv(), POSTGRES_ALLOW_SUPERUSER: 'true' }))).toMatchObject({
      rows: [{ one: 1 }],
    });
  });

  it.each([
    ['postgres', true],
    ['mcp_reader', false],
  ])('logs a warning on the first connection when role %s is privileged (%s), in any mode', async (role, warned) => {
    const lines: string[] = [];
    const logger = createLogger({ name: 'spec', destination: { write: (line: string) => lines.push(line) } });
    const db = new PgDatabase(asRole(url, role), { poolSize: 1, logger });
    const warnings = () =>
      lines.map((line) => JSON.parse(line) as { level: string; msg: string }).filter((line) => line.level === 'warn').map((line) => line.msg);
    try {
      // Any first statement (the readiness probe's, an unrestricted call's) reads the role.
      await db.run('SELECT 1', [], { readOnly: false, timeoutMs: 5_000, maxRows: 1 });
      expect(warnings()).toEqual(warned ? [expect.stringMatching(/^DATABASE_URL connects as a privileged PostgreSQL role/)] : []);
      expect(await db.connectedRole()).toMatchObject({ name: role, superuser: warned });
      expect(warnings()).toHaveLength(warned ? 1 : 0); // once per process, not per call
    } finally {
      await db.close();
    }
  });

  /** Everything an escape as a superuser could change, including what only a real server has. */
  const file = join(tmpdir(), `postgres-mcp-escape-superuser-${process.pid}`);
  const sideEffects = () =>
    asOwner(async (client) => ({
      ...(await client.query(SIDE_EFFECTS_SQL)).rows[0],
      statementsReset: (await client.query('SELECT stats_reset::text FROM pg_stat_statements_info')).rows[0].stats_reset,
      fileWritten: existsSync(file),
    }));

  /** A session of `role` that an escape might terminate; alive() says whether it still answers. */
  async function victimSession(role: string) {
    const victim = new pg.Client({ connectionString: asRole(url, role) });
    victim.on('error', () => undefined); // a terminated session errors; the assertion reports it
    await victim.connect();
    const pid = Number((await victim.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    const alive = () => victim.query('SELECT 1').then(() => true, () => false);
    return { pid, alive, end: () => victim.end().catch(() => undefined) };
  }

  it.each([
    ['the superuser (with POSTGRES_ALLOW_SUPERUSER=true)', 'postgres'],
    ['a role without SUPERUSER', 'mcp_reader'],
  ])('as %s, every known and generated escape is refused with no side effect', async (_label, role) => {
    const env = { DATABASE_URL: asRole(url, role), POSTGRES_ALLOW_SUPERUSER: 'true' };
    const victim = await victimSession(role);
    try {
      const before = await sideEffects();
      const terminate = [
        `SELECT U&"pg\\005fterminate\\005fbackend"(${victim.pid})`,
        `SELECT 1 FROM (VALUES (1)) v WHERE pg_catalog."pg_terminate_backend"(${victim.pid})`,
        `SELECT query_to_xml('SELECT pg_terminate_backend(${victim.pid})', true, false, '')`,
      ];
      for (const [attack, message] of [...knownEscapes(file), ...terminate.map((sql) => [sql, /^forbidden: /] as const)]) {
        expect({ attack, message: resultError(await restricted('execute_sql', { sql: attack }, env)) }).toEqual({
          attack,
          message: expect.stringMatching(message),
        });
      }
      for (const { sql: attack } of generateAttacks(role.length, 25)) {
        expect({ attack, message: resultError(await restricted('execute_sql', { sql: attack }, env)) }).toEqual({
          attack,
          message: expect.stringMatching(/^forbidden: restricted mode allows only read functions/),
        });
      }
      expect(await victim.alive()).toBe(true);
      expect(await sideEffects()).toEqual(before);
      expect(before).toMatchObject({ orders: 300, escape_table: null, advisory_locks: 0, fileWritten: false });
    } finally {
      await victim.end();
    }
  }, 60_000);
});
