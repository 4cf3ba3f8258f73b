import { resultError, resultJson, toolCaller } from '@sophia/mcp-testing';
import { postgresApp, postgresUnrestrictedApp } from '../src/app';

/** What a suite needs from its engine: the environment that points the server at it. */
export interface SuiteTarget {
  engine: 'pglite' | 'postgresql';
  env: () => Record<string, string>;
}

/**
 * The behaviour every engine must show, run once against embedded PGlite and once against a real
 * PostgreSQL server: the same tools, the same read-only guarantees, the same value shapes.
 */
export function describeDatabaseBehaviour(target: SuiteTarget): void {
  const restricted = toolCaller(postgresApp, {});
  const unrestricted = toolCaller(postgresUnrestrictedApp, {});
  const ro = (name: string, args: Record<string, unknown> = {}) => restricted(name, args, target.env());
  const rw = (name: string, args: Record<string, unknown> = {}) =>
    unrestricted(name, args, { ...target.env(), POSTGRES_ACCESS_MODE: 'unrestricted' });
  const sql = async (text: string, params: unknown[] = []) => {
    const result = await rw('execute_sql', { sql: text, params });
    if (result.isError) throw new Error(resultError(result));
    return resultJson(result) as { rows: Record<string, unknown>[] };
  };

  beforeAll(async () => {
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
  }, 60_000); // the first call on a fresh PGlite directory runs initdb

  const nextval = async () => Number((await sql("SELECT last_value FROM mcp_seq")).rows[0]['last_value']);
  const tableExists = async (name: string) =>
    (await sql('SELECT to_regclass($1)::text AS t', [name])).rows[0]['t'] !== null;

  describe(`restricted mode cannot be escaped (${target.engine})`, () => {
    const attacks: [string, RegExp][] = [
      ['COMMIT; CREATE TABLE mcp_escape (id int)', /one statement per call/],
      ['ROLLBACK; CREATE TABLE mcp_escape (id int)', /one statement per call/],
      ['COMMIT', /transaction control/],
      ['END; DROP TABLE mcp_orders', /one statement per call/],
      ['SELECT 1; CREATE TABLE mcp_escape (id int)', /one statement per call/],
      ['select 1 /* ; */ ; create table mcp_escape (id int) -- ;', /one statement per call/],
      ["SELECT $$;$$; CREATE TABLE mcp_escape (id int)", /one statement per call/],
      ['SET TRANSACTION READ WRITE', /transaction control/],
      ['BEGIN READ WRITE', /transaction control/],
      ['START TRANSACTION READ WRITE', /transaction control/],
      ['SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE', /transaction control/],
      ['SET default_transaction_read_only = off', /transaction control/],
      ['CREATE TABLE mcp_escape (id int)', /restricted mode runs only/],
      ['DO $$ BEGIN CREATE TABLE mcp_escape (id int); END $$', /restricted mode runs only/],
      ["COPY (SELECT 1) TO PROGRAM 'touch /tmp/x'", /restricted mode runs only/],
      ["SELECT set_config('transaction_read_only', 'off', false)", /refuses set_config/],
      ["SELECT * FROM dblink('dbname=postgres', 'CREATE TABLE mcp_escape (id int)') AS t(x text)", /refuses dblink/],
      ['SELECT pg_terminate_backend(1)', /refuses pg_terminate_backend/],
    ];
    it.each(attacks)('refuses %s', async (attack, message) => {
      const result = await ro('execute_sql', { sql: attack });
      expect(resultError(result)).toMatch(/^invalid_input: /);
      expect(resultError(result)).toMatch(message);
      expect(await tableExists('mcp_escape')).toBe(false);
      expect(await tableExists('mcp_orders')).toBe(true);
    });

    it('contains what passes the checks in the READ ONLY transaction', async () => {
      const before = await nextval();
      for (const attack of [
        "SELECT nextval('mcp_seq')",
        "SELECT setval('mcp_seq', 1000)",
        'WITH gone AS (DELETE FROM mcp_orders RETURNING *) SELECT count(*) FROM gone',
        'SELECT * INTO mcp_escape FROM mcp_orders',
        'EXPLAIN ANALYZE INSERT INTO mcp_customers VALUES (999, $$x$$)',
      ]) {
        const message = resultError(await ro('execute_sql', { sql: attack }));
        expect({ attack, message }).toEqual({ attack, message: expect.stringMatching(/read-only transaction|must not contain data-modifying/) });
      }
      expect(await nextval()).toBe(before);
      expect(await tableExists('mcp_escape')).toBe(false);
      expect((await sql('SELECT count(*)::int AS n FROM mcp_orders')).rows[0]['n']).toBe(300);
    });

    it('is not fooled by statement separators inside strings, identifiers and comments', async () => {
      const result = await ro('execute_sql', {
        sql: `SELECT 'a;b' AS s, E'c\\';d' AS e, "x;y".n, $tag$ COMMIT; $tag$ AS d /* ; DROP */ -- ; DROP
              FROM (SELECT 1 AS n) AS "x;y"`,
      });
      expect(resultJson(result)).toMatchObject({ rows: [{ s: 'a;b', e: "c';d", n: 1, d: ' COMMIT; ' }] });
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
      const result = await restricted('execute_sql', { sql: 'SELECT * FROM mcp_customers', max_rows: 1000 }, { ...target.env(), POSTGRES_MAX_ROWS: '10' });
      expect(resultJson(result)).toMatchObject({ truncated: true, note: expect.stringMatching(/^truncated at 10 rows/) });
    });

    it('refuses writes in restricted mode with a forbidden error', async () => {
      const result = await ro('execute_sql', { sql: 'WITH x AS (SELECT 1) SELECT nextval($1)', params: ['mcp_seq'] });
      expect(resultError(result)).toMatch(/^forbidden: PostgreSQL error 25006: cannot execute nextval\(\) in a read-only transaction/);
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
