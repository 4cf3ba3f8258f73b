import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '@sophia/mcp-base';
import { checkExplainable, checkStatement } from '../src/sql/guard';
import { readFunctionGroups, readFunctions } from '../src/sql/read-functions';
import { FORBIDDEN_FUNCTIONS, generateAttacks } from './escape-forms';

/** The refusal restricted mode gives `sql`, as "kind: message" (fails when the statement passes). */
async function refusal(sql: string, check: (sql: string, mode: 'restricted') => Promise<unknown> = checkStatement): Promise<string> {
  try {
    await check(sql, 'restricted');
  } catch (error) {
    if (error instanceof ToolError) return `${error.kind}: ${error.message}`;
    throw error;
  }
  throw new Error(`restricted mode accepted: ${sql}`);
}

describe('restricted mode decides on the parse tree: escapes of the hand-written guard', () => {
  it.each([
    ['SELECT U&"pg\\005fterminate\\005fbackend"(pg_backend_pid())', 'pg_terminate_backend'],
    [`SELECT U&"pg!005fterminate!005fbackend" UESCAPE '!' (1)`, 'pg_terminate_backend'],
    ['SELECT U&"\\+000070g_reload_conf"()', 'pg_reload_conf'],
    ['SELECT "PG_CATALOG"."pg_terminate_backend"(1)', 'PG_CATALOG.pg_terminate_backend'],
    ['SELECT PG_CATALOG . /* x */ PG_TERMINATE_BACKEND (1)', 'pg_catalog.pg_terminate_backend'],
    [`SELECT query_to_xml('SELECT dblink_exec(''dbname=postgres'', ''INSERT INTO t VALUES (1)'')', true, false, '')`, 'query_to_xml'],
    [`SELECT query_to_xml_and_xmlschema('SELECT pg_terminate_backend(1)', true, false, '')`, 'query_to_xml_and_xmlschema'],
    [`SELECT * FROM ts_stat('SELECT to_tsvector(pg_reload_conf()::text)')`, 'ts_stat'],
    ['SELECT pg_stat_reset()', 'pg_stat_reset'],
    [`SELECT pg_stat_reset_shared('bgwriter')`, 'pg_stat_reset_shared'],
    ['SELECT pg_stat_statements_reset()', 'pg_stat_statements_reset'],
    [`SELECT dblink_exec('dbname=postgres', 'CREATE TABLE t (id int)')`, 'dblink_exec'],
    [`SELECT lo_export(lo_from_bytea(0, 'x'), '/tmp/escaped')`, 'lo_export, lo_from_bytea'],
    [`SELECT pg_file_write('/tmp/escaped', 'x', false)`, 'pg_file_write'],
    ['SELECT pg_reload_conf()', 'pg_reload_conf'],
    ['SELECT pg_advisory_lock(42)', 'pg_advisory_lock'],
    ['SELECT pg_try_advisory_lock(42)', 'pg_try_advisory_lock'],
    [`SELECT set_config('transaction_read_only', 'off', false)`, 'set_config'],
    [`SELECT nextval('mcp_seq')`, 'nextval'],
    ['SELECT my_schema.lower(name) FROM t', 'my_schema.lower'],
    ['SELECT "Lower"(name) FROM t', 'Lower'],
  ])('refuses %s, naming %s', async (sql, names) => {
    expect(await refusal(sql)).toMatch(
      new RegExp(`^forbidden: restricted mode allows only read functions .*, and ${names.replace(/[.$]/g, '\\$&')} (is|are) not one`),
    );
  });

  it('says how to get unrestricted mode', async () => {
    expect(await refusal('SELECT pg_terminate_backend(1)')).toMatch(/Other functions need POSTGRES_ACCESS_MODE=unrestricted/);
  });

  it.each([
    ['SELECT * FROM t FOR UPDATE', /FOR UPDATE \/ FOR SHARE/],
    ['SELECT * FROM t FOR NO KEY UPDATE', /FOR UPDATE \/ FOR SHARE/],
    ['SELECT * FROM (SELECT * FROM t FOR SHARE) s', /FOR UPDATE \/ FOR SHARE/],
    ['SELECT * FROM t FOR KEY SHARE SKIP LOCKED', /FOR UPDATE \/ FOR SHARE/],
    ['SELECT * INTO escaped FROM t', /SELECT … INTO creates a table/],
    ['WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone', /runs DELETE/],
    ['WITH a AS (SELECT 1), b AS (INSERT INTO t VALUES (1) RETURNING 1) SELECT 1', /runs INSERT/],
    ['SELECT 1 FROM (WITH u AS (UPDATE t SET x = 1 RETURNING 1) SELECT * FROM u) s', /runs UPDATE/],
    ['EXPLAIN ANALYZE INSERT INTO t VALUES (1)', /runs INSERT/],
    ['EXPLAIN (ANALYZE, FORMAT JSON) DELETE FROM t', /runs DELETE/],
    ['EXPLAIN CREATE TABLE x AS SELECT 1', /explains only .* \(got CREATE TABLE AS\)/],
    ['CREATE TABLE escaped (id int)', /runs only one read statement.*\(got CREATE\)/],
    ['DO $$ BEGIN CREATE TABLE escaped (id int); END $$', /\(got DO\)/],
    [`COPY (SELECT 1) TO PROGRAM 'touch /tmp/escaped'`, /\(got COPY\)/],
    ['CALL p()', /\(got CALL\)/],
    ['SET search_path = evil', /\(got SET\)/],
    ['LISTEN x', /\(got LISTEN\)/],
    ['SELECT 1 OPERATOR(evil.+) 2', /only built-in operators .* not OPERATOR\(evil\.\+\)/],
  ])('refuses %s', async (sql, message) => {
    expect(await refusal(sql)).toMatch(/^forbidden: /);
    expect(await refusal(sql)).toMatch(message);
  });

  it.each([
    ['COMMIT; CREATE TABLE escaped (id int)', /one statement per call \(found 2\)/],
    ['select 1 /* ; */ ; create table escaped (id int) -- ;', /one statement per call/],
    [`SELECT $$;$$; CREATE TABLE escaped (id int)`, /one statement per call/],
    ['COMMIT', /transaction control/],
    ['SET TRANSACTION READ WRITE', /transaction control/],
    ['SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE', /transaction control/],
    ['SET default_transaction_read_only = off', /transaction control/],
    ['RESET transaction_read_only', /transaction control/],
    [`PREPARE TRANSACTION 'x'`, /transaction control/],
    ['  -- only a comment', /the SQL is empty/],
    ['', /the SQL is empty/],
    [' ; ; ', /the SQL is empty/],
    ['SELEC 1', /the SQL does not parse: syntax error at or near "SELEC"\. At character 1\./],
    ["SELECT 'unterminated", /the SQL does not parse: unterminated quoted string/],
    ['SELECT 1 /* never closed', /the SQL does not parse: unterminated \/\* comment/],
  ])('answers %s with invalid_input', async (sql, message) => {
    expect(await refusal(sql)).toMatch(/^invalid_input: /);
    expect(await refusal(sql)).toMatch(message);
  });

  it('reports the built-in names a statement reaches through the search path, for the shadowing check', async () => {
    const checked = await checkStatement('SELECT lower(a) FROM t WHERE b = 1 AND pg_catalog.abs(c) OPERATOR(pg_catalog.>) 0', 'restricted');
    expect(checked.unqualified).toEqual({ functions: ['lower'], operators: ['='] });
  });

  it('keeps transaction control and multiple statements out of unrestricted mode too', async () => {
    await expect(checkStatement('BEGIN', 'unrestricted')).rejects.toThrow(/transaction control/);
    await expect(checkStatement('DELETE FROM t; COMMIT', 'unrestricted')).rejects.toThrow(/one statement per call/);
    await expect(checkStatement('SELECT pg_terminate_backend(1)', 'unrestricted')).resolves.toMatchObject({ query: true });
    await expect(checkStatement('WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d', 'unrestricted')).resolves.toMatchObject({ query: false });
  });

  it.each([
    ['parentheses', `SELECT ${'('.repeat(5_000)}1${')'.repeat(5_000)}`, /^accepted$/],
    ['more parentheses than the parser takes', `SELECT ${'('.repeat(30_000)}1${')'.repeat(30_000)}`, /^invalid_input: the SQL does not parse: memory exhausted/],
    ['a chain of operators', `SELECT 1${' + 1'.repeat(24_000)}`, /^invalid_input: the SQL is nested too deeply to check/],
  ])('answers deep nesting (%s) without a crash, and parses again afterwards', async (_label, sql, outcome) => {
    const answer = await checkStatement(sql, 'restricted').then(
      () => 'accepted',
      (error: unknown) => (error instanceof ToolError ? `${error.kind}: ${error.message}` : String(error)),
    );
    expect(answer).toMatch(outcome);
    await expect(checkStatement('SELECT 1', 'restricted')).resolves.toMatchObject({ query: true });
  });
});

describe('generated escapes: every forbidden function, in every spelling and place, is refused', () => {
  const attacks = generateAttacks(20261130, 4000);

  it('covers every forbidden function and each escape form', () => {
    expect(new Set(attacks.map((attack) => attack.functionName))).toEqual(new Set(FORBIDDEN_FUNCTIONS));
    for (const form of ['U&"', "UESCAPE '!'", '\\+0000', 'pg_catalog', 'PG_CATALOG', 'LATERAL', 'ROWS FROM', 'VALUES', 'ORDER BY', 'DEFAULT', '::text', 'OPERATOR(']) {
      expect({ form, present: attacks.some((attack) => attack.sql.includes(form)) }).toEqual({ form, present: true });
    }
  });

  it('refuses all of them as forbidden, naming the function', async () => {
    const accepted: string[] = [];
    for (const { sql, functionName } of attacks) {
      const message = await refusal(sql).catch((error: Error) => error.message);
      if (!message.startsWith('forbidden: restricted mode allows only read functions') || !message.includes(functionName)) {
        accepted.push(`${sql}\n  → ${message}`);
      }
    }
    expect(accepted).toEqual([]);
  }, 60_000);

  it('refuses them in explain_query too', async () => {
    const explainable = attacks.filter(({ sql }) => /^(SELECT|VALUES|WITH)/.test(sql)).slice(0, 500);
    for (const { sql, functionName } of explainable) {
      expect(await refusal(sql, checkExplainable)).toContain(functionName);
    }
  });

  it('no forbidden function is on the allow-list', () => {
    expect(FORBIDDEN_FUNCTIONS.filter((name) => readFunctions.has(name))).toEqual([]);
  });
});

describe('legitimate reads still pass', () => {
  it.each([
    'SELECT 1',
    'TABLE mcp_orders',
    'VALUES (1, 2), (3, 4)',
    'SHOW search_path',
    'SHOW ALL',
    'EXPLAIN SELECT * FROM mcp_orders',
    'EXPLAIN ANALYZE SELECT count(*) FROM mcp_orders',
    'EXPLAIN INSERT INTO mcp_customers VALUES (DEFAULT, now()::text)',
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r',
    `SELECT c.id, upper(c.name), count(o.*) FILTER (WHERE o.total > 10), string_agg(o.note, ', ' ORDER BY o.id),
            row_number() OVER (PARTITION BY c.id ORDER BY c.name), lag(c.id) OVER w
       FROM mcp_customers c LEFT JOIN LATERAL (SELECT * FROM mcp_orders WHERE customer_id = c.id) o ON true
      WHERE c.name ILIKE $1 AND c.id = ANY($2::int[]) AND c.id BETWEEN 1 AND 100
      GROUP BY c.id, c.name WINDOW w AS (ORDER BY c.id) ORDER BY 1 LIMIT 10 OFFSET 0`,
    `SELECT extract(year FROM now()), date_trunc('day', now() AT TIME ZONE 'UTC'), substring('abc' FROM 2 FOR 1),
            trim(both 'x' FROM 'xax'), position('b' IN 'abc'), overlay('abc' PLACING 'z' FROM 2), 'a' SIMILAR TO 'a',
            'a' IS NORMALIZED, collation for ('a'), current_user, current_date, coalesce(NULL, 1), nullif(1, 2),
            greatest(1, 2), treat(1 AS int4), int4('1'), '1'::int8, CAST('2024-01-01' AS date)`,
    `SELECT jsonb_path_query('{"a":[1,2]}', '$.a[*]'), jsonb_build_object('k', 1) -> 'k', '{"a":1}'::jsonb ? 'a',
            json_object('a': 1), json_array(1, 2), array_agg(x ORDER BY x), unnest(ARRAY[1, 2]), cardinality(ARRAY[1])
       FROM generate_series(1, 3) AS x GROUP BY x`,
    `SELECT * FROM ROWS FROM (generate_series(1, 2), unnest(ARRAY['a', 'b'])) WITH ORDINALITY AS r(n, s, i)`,
    `SELECT pg_size_pretty(pg_total_relation_size('mcp_orders')), pg_relation_size('mcp_orders'), format_type(23, NULL),
            obj_description('mcp_orders'::regclass, 'pg_class'), has_table_privilege('mcp_orders', 'SELECT'),
            pg_get_viewdef('pg_tables'::regclass, true), pg_catalog.pg_get_userbyid(10), to_regclass('mcp_orders'),
            current_setting('server_version_num'), version(), pg_backend_pid(), pg_typeof(1)`,
    'SELECT * FROM pg_stat_activity WHERE pid <> pg_backend_pid()',
    `SELECT to_tsvector('english', 'a fat cat') @@ plainto_tsquery('english', 'cat'), ts_rank(to_tsvector('a'), to_tsquery('a'))`,
    'SELECT pg_sleep(0.01)',
    `SELECT xmlelement(name a, 'x'), xpath('/a/text()', '<a>x</a>'::xml), gen_random_uuid() IS NOT NULL, random() < 2`,
  ])('accepts %s', async (sql) => {
    await expect(checkStatement(sql, 'restricted')).resolves.toMatchObject({ query: /^\s*(SELECT|TABLE|VALUES|WITH)/.test(sql) });
  });
});

describe('documentation', () => {
  it('the README lists exactly the read functions restricted mode allows', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const block = /<!-- read-functions:start -->\n([\s\S]*?)<!-- read-functions:end -->/.exec(readme)?.[1];
    const table = [
      '| group | functions |',
      '| --- | --- |',
      ...Object.entries(readFunctionGroups).map(([group, names]) => `| ${group} | ${names.map((name) => `\`${name}\``).join(' ')} |`),
      '',
    ].join('\n');
    expect(block).toBe(table);
  });
});
