import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@sophia/mcp-base';
import { connectInMemory, resultError, resultJson, toolCaller, type InMemoryConnection } from '@sophia/mcp-testing';
import { postgresApp } from '../src/app';
import { postgresConfigSchema } from '../src/config';
import { databaseKey, openDatabase } from '../src/context';
import { PgDatabase } from '../src/database/pg-database';
import { PgliteDatabase } from '../src/database/pglite-database';
import { checkStatement } from '../src/sql/guard';
import { readFunctions, reviewedVolatileReadFunctions } from '../src/sql/read-functions';
import { generateAttacks, knownEscapes, SIDE_EFFECTS_SQL } from './escape-forms';

/** What a suite needs from its engine: the environments that point the server at it. */
export interface SuiteTarget {
  engine: 'pglite' | 'postgresql';
  /** The owner: sets up the tables (unrestricted). */
  env: () => Record<string, string>;
  /** What restricted calls connect as: on a real server a role without SUPERUSER, as production should. */
  readerEnv: () => Record<string, string>;
}

/**
 * The behaviour every engine must show, run once against embedded PGlite and once against a real
 * PostgreSQL server: the same tools, the same read-only guarantees, the same value shapes.
 */
export function describeDatabaseBehaviour(target: SuiteTarget): void {
  const restricted = toolCaller(postgresApp, {});
  const unrestricted = toolCaller(postgresApp, {});
  const ro = (name: string, args: Record<string, unknown> = {}) => restricted(name, args, target.readerEnv());
  const rw = (name: string, args: Record<string, unknown> = {}) =>
    unrestricted(name, args, { ...target.env(), POSTGRES_ACCESS_MODE: 'unrestricted' });
  const sql = async (text: string, params: unknown[] = []) => {
    const result = await rw('execute_sql', { sql: text, params });
    if (result.isError) throw new Error(resultError(result));
    return resultJson(result) as { rows: Record<string, unknown>[] };
  };

  // Every call below builds its own runtime; this one keeps the engine open in between (the last
  // runtime to close would close PGlite, and the next call would open it again).
  let keepOpen: InMemoryConnection | undefined;
  afterAll(() => keepOpen?.close());

  beforeAll(async () => {
    keepOpen = await connectInMemory(postgresApp, { env: target.env() });
    // The store opens in the background (PGlite's first start runs initdb: tens of seconds on a loaded
    // machine); a call made before would spend that against its tool timeout, now enforced on PGlite too.
    const runtime = keepOpen.runtime;
    for (const deadline = Date.now() + 150_000; !runtime.readiness().ready && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const statement of [
      'DROP TABLE IF EXISTS mcp_orders, mcp_customers, mcp_escape, mcp_values',
      'DROP SEQUENCE IF EXISTS mcp_seq',
      'CREATE TABLE mcp_customers (id int PRIMARY KEY, name text NOT NULL)',
      `CREATE TABLE mcp_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         customer_id int NOT NULL REFERENCES mcp_customers(id), total numeric(12,2) DEFAULT 0 CHECK (total >= 0),
         note text)`,
      'CREATE INDEX mcp_orders_customer ON mcp_orders (customer_id)',
      'CREATE INDEX mcp_orders_customer_dup ON mcp_orders (customer_id)',
      "COMMENT ON TABLE mcp_orders IS 'orders for tests'",
      'CREATE SEQUENCE mcp_seq',
      "INSERT INTO mcp_customers SELECT g, 'customer ' || g FROM generate_series(1, 300) g",
      'INSERT INTO mcp_orders (customer_id, total) SELECT g, g * 1.5 FROM generate_series(1, 300) g',
    ]) {
      await sql(statement);
    }
  }, 180_000); // the first open of a fresh PGlite directory runs initdb

  describe(`restricted mode cannot be escaped (${target.engine})`, () => {
    const file = join(tmpdir(), `postgres-mcp-escape-${target.engine}-${process.pid}`);
    // One server process for all attacks, so what an escape leaves in the session (an advisory
    // lock, PGlite's one connection) would still be there when the side effects are read.
    let server: InMemoryConnection;
    const attack = async (text: string) => resultError(await server.client.callTool({ name: 'execute_sql', arguments: { sql: text } }));
    /** Everything an escape could have changed, database and file system, read in restricted mode. */
    const sideEffects = async () => {
      const result = await server.client.callTool({ name: 'execute_sql', arguments: { sql: SIDE_EFFECTS_SQL } });
      return { ...(resultJson(result) as { rows: Record<string, unknown>[] }).rows[0], fileWritten: existsSync(file) };
    };
    let untouched: Record<string, unknown>;
    beforeAll(async () => {
      server = await connectInMemory(postgresApp, { env: target.readerEnv() });
      untouched = await sideEffects();
    });
    afterAll(() => server.close());

    const attacks: [string, RegExp][] = [
      ['COMMIT; CREATE TABLE mcp_escape (id int)', /^invalid_input: .*one statement per call/],
      ['ROLLBACK; CREATE TABLE mcp_escape (id int)', /^invalid_input: .*one statement per call/],
      ['COMMIT', /^invalid_input: transaction control/],
      ['END; DROP TABLE mcp_orders', /^invalid_input: .*one statement per call/],
      ['SELECT 1; CREATE TABLE mcp_escape (id int)', /^invalid_input: .*one statement per call/],
      ['select 1 /* ; */ ; create table mcp_escape (id int) -- ;', /^invalid_input: .*one statement per call/],
      ["SELECT $$;$$; CREATE TABLE mcp_escape (id int)", /^invalid_input: .*one statement per call/],
      ['SET TRANSACTION READ WRITE', /^invalid_input: transaction control/],
      ['BEGIN READ WRITE', /^invalid_input: transaction control/],
      ['START TRANSACTION READ WRITE', /^invalid_input: transaction control/],
      ['SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE', /^invalid_input: transaction control/],
      ['SET default_transaction_read_only = off', /^invalid_input: transaction control/],
      ...knownEscapes(file),
    ];
    it.each(attacks)('refuses %s, with no side effect', async (text, message) => {
      expect(await attack(text)).toMatch(message);
      expect(await sideEffects()).toEqual(untouched);
    });

    it('refuses a seeded sample of generated escapes through the server, with no side effect', async () => {
      for (const { sql: text, functionName } of generateAttacks(target.engine.length, 30)) {
        expect({ text, message: await attack(text) }).toEqual({
          text,
          message: expect.stringMatching(new RegExp(`^forbidden: restricted mode allows only read functions.*${functionName}`)),
        });
      }
      expect(await sideEffects()).toEqual(untouched);
    });

    it('keeps the READ ONLY, rolled-back transaction as the second wall below the guard', async () => {
      // As the owner, who may write: only the transaction stops these.
      const config = postgresConfigSchema.parse(target.env());
      // Through the app's registry: the database the tools use (one PGlite directory is never open twice).
      const lease = postgresApp.databases.acquire(databaseKey(config), async () => openDatabase(config, createLogger({ name: 'spec', level: 'silent' })));
      const options = { readOnly: true, timeoutMs: 5_000, maxRows: 10 };
      try {
        const db = await lease.value;
        for (const write of ['INSERT INTO mcp_customers VALUES (5000, $$x$$)', "SELECT nextval('mcp_seq')", 'CREATE TABLE mcp_escape (id int)']) {
          await expect(db.run(write, [], options)).rejects.toMatchObject({ code: '25006' });
        }
      } finally {
        await lease.release();
      }
      expect(await sideEffects()).toEqual(untouched);
    });

    it('is not fooled by statement separators inside strings, identifiers and comments', async () => {
      const result = await ro('execute_sql', {
        sql: `SELECT 'a;b' AS s, E'c\\';d' AS e, "x;y".n, $tag$ COMMIT; $tag$ AS d /* ; DROP */ -- ; DROP
              FROM (SELECT 1 AS n) AS "x;y"`,
      });
      expect(resultJson(result)).toMatchObject({ rows: [{ s: 'a;b', e: "c';d", n: 1, d: ' COMMIT; ' }] });
    });
  });

  describe(`restricted mode still serves every legitimate read (${target.engine})`, () => {
    it('accepts the SQL every tool sends', async () => {
      const run = jest.spyOn(target.engine === 'pglite' ? PgliteDatabase.prototype : PgDatabase.prototype, 'run');
      let sent: string[];
      try {
        for (const [tool, args] of [
          ['list_schemas', { include_system: true }],
          ['list_objects', { name_like: 'mcp_%' }],
          ['describe_object', { name: 'mcp_orders' }],
          ['db_health', {}],
          ['top_queries', {}],
          ['explain_query', { sql: 'SELECT * FROM mcp_orders WHERE customer_id = $1', params: [1] }],
        ] as const) {
          await ro(tool, args);
        }
        sent = run.mock.calls.map(([text]) => text);
      } finally {
        run.mockRestore();
      }
      expect(sent.length).toBeGreaterThanOrEqual(8);
      for (const text of sent) {
        await expect(checkStatement(text, 'restricted').then(() => 'accepted')).resolves.toBe('accepted');
      }
    });

    it('allows only pg_catalog functions, each volatile one reviewed', async () => {
      const { rows } = await sql(
        `SELECT json_agg(proname) AS found, coalesce(json_agg(proname) FILTER (WHERE volatile), '[]') AS volatile
           FROM (SELECT proname, bool_or(provolatile = 'v') AS volatile FROM pg_proc
                  WHERE pronamespace = 'pg_catalog'::regnamespace AND proname = ANY(string_to_array($1, ' ')) GROUP BY proname) f`,
        [[...readFunctions].join(' ')],
      );
      const [{ found, volatile }] = rows as { found: string[]; volatile: string[] }[];
      expect(volatile.sort()).toEqual([...reviewedVolatileReadFunctions].filter((name) => found.includes(name)).sort());
      // PGlite is PostgreSQL 18, the version the list is written for; older servers lack some newer names.
      if (target.engine === 'pglite') expect([...readFunctions].filter((name) => !found.includes(name))).toEqual([]);
    });
  });

  describe(`execute_sql (${target.engine})`, () => {
    it('serialises values safely: int8 and numeric as strings, bytea hex, json, ISO timestamps', async () => {
      const result = resultJson(
        await ro('execute_sql', {
          sql: `SELECT 9007199254740993::int8 AS big, 12345678901234567890.123::numeric AS num, 42::int4 AS i, true AS b,
                       '\\x00ff'::bytea AS bin, '{"a":[1,2]}'::jsonb AS doc, '2024-02-29 12:34:56.123456+00'::timestamptz AS ts,
                       '2024-02-29 01:02:03'::timestamp AS local, '2024-02-29'::date AS day, NULL::text AS nothing,
                       'NaN'::float8 AS nan, ARRAY[1,2] AS arr, $1::text AS param`,
          params: ['p'],
        }),
      ) as { rows: Record<string, unknown>[]; columns: { name: string; type: string }[] };
      expect(result.rows[0]).toEqual({
        big: '9007199254740993',
        num: '12345678901234567890.123',
        i: 42,
        b: true,
        bin: '\\x00ff',
        doc: { a: [1, 2] },
        ts: expect.stringMatching(/^2024-02-29T\d{2}:34:56\.123456[+-]\d{2}:\d{2}$/),
        local: '2024-02-29T01:02:03',
        day: '2024-02-29',
        nothing: null,
        nan: 'NaN',
        arr: '{1,2}',
        param: 'p',
      });
      expect(result.columns.find((column) => column.name === 'big')?.type).toBe('bigint');
    });

    it('caps rows with a clear truncated marker', async () => {
      const result = resultJson(await ro('execute_sql', { sql: 'SELECT id FROM mcp_customers ORDER BY id', max_rows: 25 })) as {
        rows: unknown[];
        truncated: boolean;
        note: string;
      };
      expect(result.rows).toHaveLength(25);
      expect(result.truncated).toBe(true);
      expect(result.note).toMatch(/^truncated at 25 rows/);
      const all = resultJson(await ro('execute_sql', { sql: 'SELECT id FROM mcp_customers', max_rows: 300 })) as { truncated: boolean };
      expect(all.truncated).toBe(false);
    });

    it('honours POSTGRES_MAX_ROWS over max_rows', async () => {
      const result = await restricted('execute_sql', { sql: 'SELECT * FROM mcp_customers', max_rows: 1000 }, { ...target.readerEnv(), POSTGRES_MAX_ROWS: '10' });
      expect(resultJson(result)).toMatchObject({ truncated: true, note: expect.stringMatching(/^truncated at 10 rows/) });
    });

    it('refuses writes in restricted mode with a forbidden error', async () => {
      const result = await ro('execute_sql', { sql: 'WITH x AS (SELECT 1) SELECT nextval($1)', params: ['mcp_seq'] });
      expect(resultError(result)).toMatch(/^forbidden: restricted mode allows only read functions.*nextval is not one/);
    });

    it('reports SQL errors with SQLSTATE and position', async () => {
      expect(resultError(await ro('execute_sql', { sql: 'SELECT nope FROM mcp_orders' }))).toMatch(
        /^invalid_input: PostgreSQL error 42703: column "nope" does not exist.*At character 8/,
      );
    });

    it('writes and commits in unrestricted mode, still one statement at a time', async () => {
      expect(resultJson(await rw('execute_sql', { sql: 'INSERT INTO mcp_customers VALUES ($1, $2) RETURNING id', params: [1001, 'new'] }))).toMatchObject({
        command: 'INSERT',
        rowCount: 1,
        rows: [{ id: 1001 }],
      });
      expect((await sql('SELECT name FROM mcp_customers WHERE id = 1001')).rows).toEqual([{ name: 'new' }]);
      expect(resultError(await rw('execute_sql', { sql: 'DELETE FROM mcp_customers WHERE id = 1001; COMMIT' }))).toMatch(/one statement per call/);
      expect(resultError(await rw('execute_sql', { sql: 'BEGIN' }))).toMatch(/transaction control/);
      expect(resultError(await rw('execute_sql', { sql: 'INSERT INTO mcp_customers VALUES (1, $1)', params: ['dup'] }))).toMatch(/^conflict: PostgreSQL error 23505/);
    });
  });

  describe(`catalog tools (${target.engine})`, () => {
    it('list_schemas lists public and hides system schemas by default', async () => {
      const { schemas } = resultJson(await ro('list_schemas')) as { schemas: { name: string }[] };
      expect(schemas.map((s) => s.name)).toContain('public');
      expect(schemas.map((s) => s.name)).not.toContain('pg_catalog');
      const all = resultJson(await ro('list_schemas', { include_system: true })) as { schemas: { name: string }[] };
      expect(all.schemas.map((s) => s.name)).toContain('pg_catalog');
    });

    it('list_objects lists tables, sequences and extensions with estimates and sizes, paginated', async () => {
      const first = resultJson(await ro('list_objects', { name_like: 'mcp_%', limit: 2 })) as {
        objects: { name: string; kind: string; total_bytes: string | null }[];
        nextCursor: string;
      };
      expect(first.objects).toHaveLength(2);
      const rest = resultJson(await ro('list_objects', { name_like: 'mcp_%', limit: 50, cursor: first.nextCursor })) as typeof first;
      const all = [...first.objects, ...rest.objects];
      expect(all.map((o) => `${o.kind}:${o.name}`).sort()).toEqual(
        expect.arrayContaining(['sequence:mcp_seq', 'table:mcp_customers', 'table:mcp_orders']),
      );
      expect(Number(all.find((o) => o.name === 'mcp_orders')?.total_bytes)).toBeGreaterThan(0);
      const extensions = resultJson(await ro('list_objects', { kinds: ['extension'] })) as typeof first;
      expect(extensions.objects.map((o) => o.name)).toContain('plpgsql');
    });

    it('describe_object shows columns, constraints, indexes and foreign keys', async () => {
      const orders = resultJson(await ro('describe_object', { name: 'mcp_orders' })) as Record<string, unknown>;
      expect(orders).toMatchObject({
        kind: 'table',
        comment: 'orders for tests',
        columns: expect.arrayContaining([
          expect.objectContaining({ name: 'id', type: 'bigint', nullable: false, identity: 'always' }),
          expect.objectContaining({ name: 'total', type: 'numeric(12,2)', default: '0' }),
        ]),
        constraints: expect.arrayContaining([
          expect.objectContaining({ type: 'primary_key' }),
          expect.objectContaining({ type: 'check', definition: expect.stringContaining('total >=') }),
        ]),
        indexes: expect.arrayContaining([expect.objectContaining({ name: 'mcp_orders_customer', unique: false })]),
        foreign_keys: [expect.objectContaining({ references: 'mcp_customers' })],
      });
      const customers = resultJson(await ro('describe_object', { name: 'mcp_customers' })) as Record<string, unknown>;
      expect(customers['referenced_by']).toEqual([expect.objectContaining({ table: 'mcp_orders' })]);
      expect(resultError(await ro('describe_object', { name: 'missing' }))).toMatch(/^not_found: /);
    });
  });

  describe(`explain_query, top_queries, db_health (${target.engine})`, () => {
    it('explains as JSON; ANALYZE only when unrestricted, and rolled back', async () => {
      const plan = resultJson(await ro('explain_query', { sql: 'SELECT * FROM mcp_orders WHERE customer_id = $1', params: [5] })) as {
        plan: { Plan: { 'Node Type': string } };
      };
      expect(plan.plan.Plan['Node Type']).toEqual(expect.any(String));
      expect(resultError(await ro('explain_query', { sql: 'SELECT 1', analyze: true }))).toMatch(/unrestricted/);
      const analyzed = resultJson(await rw('explain_query', { sql: 'DELETE FROM mcp_orders', analyze: true })) as {
        analyzed: boolean;
        rolledBack: boolean;
        plan: { Plan: { 'Actual Rows': number } };
      };
      expect(analyzed).toMatchObject({ analyzed: true, rolledBack: true });
      expect((await sql('SELECT count(*)::int AS n FROM mcp_orders')).rows[0]['n']).toBe(300);
      expect(resultError(await ro('explain_query', { sql: 'SELECT 1; COMMIT' }))).toMatch(/one statement per call/);
    });

    it('db_health reports every check with a status', async () => {
      const report = resultJson(await ro('db_health')) as { engine: string; checks: Record<string, { status: string }> };
      expect(report.engine).toBe(target.engine);
      expect(Object.keys(report.checks).sort()).toEqual([
        'blocking_locks', 'cache_hit_ratio', 'connections', 'duplicate_indexes', 'long_running_queries',
        'transaction_id_wraparound', 'unused_indexes',
      ]);
      expect(report.checks['duplicate_indexes']).toMatchObject({ status: 'warning' });
      expect(report.checks['transaction_id_wraparound']).toMatchObject({ status: 'ok' });
      const serverOnly = target.engine === 'pglite' ? 'not_applicable' : 'ok';
      expect(report.checks['connections'].status).toBe(serverOnly);
    });
  });
}
