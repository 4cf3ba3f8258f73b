/**
 * Generated attacks on restricted mode, as a class: a function restricted mode must refuse, spelled
 * in one of PostgreSQL's identifier forms (case, quotes, U&"…" escapes, UESCAPE, schema
 * qualification, comments between tokens) and placed anywhere an expression can sit. Seeded, so a
 * failure names a statement that reproduces.
 */

/** Functions with effects outside a read-only statement (sessions, server, files, locks, SQL in text). */
export const FORBIDDEN_FUNCTIONS = [
  'pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf', 'pg_rotate_logfile', 'pg_switch_wal',
  'pg_create_restore_point', 'pg_stat_reset', 'pg_stat_reset_shared', 'pg_stat_reset_single_table_counters',
  'pg_stat_statements_reset', 'query_to_xml', 'query_to_xml_and_xmlschema', 'query_to_xmlschema', 'table_to_xml',
  'database_to_xml', 'cursor_to_xml', 'ts_stat', 'ts_rewrite', 'dblink', 'dblink_exec', 'dblink_connect',
  'lo_export', 'lo_import', 'lo_from_bytea', 'lo_unlink', 'pg_file_write', 'pg_read_file', 'pg_read_binary_file',
  'pg_ls_dir', 'pg_stat_file', 'set_config', 'setseed', 'nextval', 'setval', 'pg_advisory_lock',
  'pg_advisory_lock_shared', 'pg_try_advisory_lock', 'pg_advisory_xact_lock', 'pg_notify', 'txid_current',
  'pg_current_xact_id', 'pg_logical_emit_message', 'pg_create_logical_replication_slot', 'pg_promote',
] as const;

/** Where a call expression `F` can sit in a read statement (and in an EXPLAINed write). */
const PLACES: ((call: string) => string)[] = [
  (f) => `SELECT ${f}`,
  (f) => `SELECT 1 FROM (SELECT ${f}) AS s`,
  (f) => `WITH c AS (SELECT ${f} AS v) SELECT * FROM c`,
  (f) => `WITH c AS MATERIALIZED (VALUES (${f})) SELECT 1 FROM c`,
  (f) => `WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE ${f} IS NULL) SELECT * FROM r`,
  (f) => `SELECT * FROM mcp_orders AS o, LATERAL (SELECT ${f}) AS l`,
  (f) => `SELECT * FROM mcp_orders AS o JOIN LATERAL ${f} AS l ON true`,
  (f) => `SELECT * FROM ${f} AS f`,
  (f) => `SELECT * FROM ROWS FROM (generate_series(1, 2), ${f}) AS r`,
  (f) => `VALUES (1, ${f})`,
  (f) => `SELECT 1 ORDER BY ${f}`,
  (f) => `SELECT 1 WHERE ${f} IS NOT NULL`,
  (f) => `SELECT count(*) FROM mcp_orders GROUP BY customer_id HAVING ${f} IS NULL`,
  (f) => `SELECT CAST(${f} AS text)`,
  (f) => `SELECT ${f}::text`,
  (f) => `SELECT 1 + ${f}`,
  (f) => `SELECT 1 OPERATOR(pg_catalog.+) ${f}`,
  (f) => `SELECT CASE WHEN true THEN ${f} END`,
  (f) => `SELECT coalesce(NULL, ${f})`,
  (f) => `SELECT greatest(1, ${f})`,
  (f) => `SELECT ARRAY[${f}]`,
  (f) => `SELECT EXISTS (SELECT ${f})`,
  (f) => `SELECT 1 = ANY (SELECT ${f})`,
  (f) => `SELECT id FROM mcp_orders WHERE id IN (SELECT ${f})`,
  (f) => `SELECT count(*) FILTER (WHERE ${f} IS NULL) FROM mcp_orders`,
  (f) => `SELECT row_number() OVER (ORDER BY ${f}) FROM mcp_orders`,
  (f) => `SELECT lower(${f}::text)`,
  (f) => `SELECT json_build_object('k', ${f})`,
  (f) => `SELECT (SELECT ${f} LIMIT 1)`,
  (f) => `SELECT 1 LIMIT ${f}`,
  (f) => `SELECT 1 UNION SELECT ${f}`,
  (f) => `SELECT ${f} COLLATE "C"`,
  (f) => `SELECT * FROM XMLTABLE('/a' PASSING ${f} COLUMNS x int)`,
  (f) => `SELECT * FROM mcp_orders TABLESAMPLE bernoulli (${f})`,
  (f) => `EXPLAIN SELECT ${f}`,
  (f) => `EXPLAIN (FORMAT JSON) INSERT INTO mcp_customers VALUES (DEFAULT, ${f})`,
  (f) => `EXPLAIN UPDATE mcp_customers SET name = ${f}`,
];

/** A small deterministic PRNG (mulberry32): the same seed gives the same statements. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** One identifier spelling PostgreSQL folds or unescapes to `name`. */
function spell(name: string, random: Random): string {
  const forms: (() => string)[] = [
    () => name,
    () => name.toUpperCase(),
    () => [...name].map((ch) => (random() < 0.5 ? ch.toUpperCase() : ch)).join(''),
    () => `"${name}"`,
    // U&"…" with some characters as \XXXX or \+XXXXXX.
    () => `U&"${[...name].map((ch) => (random() < 0.4 ? unicodeEscape(ch, '\\', random) : ch)).join('')}"`,
    // The same with another escape character.
    () => `U&"${[...name].map((ch) => (random() < 0.4 ? unicodeEscape(ch, '!', random) : ch)).join('')}" UESCAPE '!'`,
  ];
  return pick(random, forms)();
}

function unicodeEscape(ch: string, escape: string, random: Random): string {
  const code = ch.codePointAt(0) ?? 0;
  return random() < 0.7 ? `${escape}${code.toString(16).padStart(4, '0')}` : `${escape}+${code.toString(16).padStart(6, '0')}`;
}

/** Whitespace or a comment between tokens. */
function gap(random: Random): string {
  return pick(random, ['', ' ', '\n', ' /* ; */ ', '/**/', ' -- ;\n']);
}

export interface GeneratedAttack {
  sql: string;
  /** The function the statement calls, as PostgreSQL resolves the name. */
  functionName: string;
}

/** `count` statements from `seed`, each calling one forbidden function in some spelling and place. */
export function generateAttacks(seed: number, count: number): GeneratedAttack[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const functionName = pick(random, FORBIDDEN_FUNCTIONS);
    const qualifier = pick(random, ['', 'pg_catalog', '"pg_catalog"', 'U&"pg\\005fcatalog"', 'PG_CATALOG']);
    const name = `${qualifier ? `${qualifier}${gap(random)}.${gap(random)}` : ''}${spell(functionName, random)}`;
    const call = `${name}${gap(random)}(${pick(random, ['1', "'x'", '$1', 'pg_backend_pid()', '42, 1'])})`;
    return { sql: pick(random, PLACES)(call), functionName };
  });
}

/**
 * The escapes the attack on the hand-written guard found (issue 10), as statements against the
 * suite's tables: each must be refused before it runs. `file` is a path an escape would write.
 */
export function knownEscapes(file: string): [string, RegExp][] {
  const notRead = (name: string) => new RegExp(`^forbidden: restricted mode allows only read functions.*${name} (is|are) not one`);
  return [
    ['SELECT U&"pg\\005fterminate\\005fbackend"(pg_backend_pid())', notRead('pg_terminate_backend')],
    [`SELECT U&"pg!005fterminate!005fbackend" UESCAPE '!' (pg_backend_pid())`, notRead('pg_terminate_backend')],
    ['SELECT pg_catalog."pg_cancel_backend"(pg_backend_pid())', notRead('pg_catalog.pg_cancel_backend')],
    [`SELECT query_to_xml('SELECT pg_advisory_lock(7)', true, false, '')`, notRead('query_to_xml')],
    [`SELECT query_to_xml_and_xmlschema('SELECT pg_advisory_lock(7)', true, false, '')`, notRead('query_to_xml_and_xmlschema')],
    [`SELECT * FROM ts_stat('SELECT to_tsvector(pg_advisory_lock(8)::text)')`, notRead('ts_stat')],
    [
      `SELECT query_to_xml('SELECT dblink_exec(''dbname=' || current_database() || ''', ''DELETE FROM mcp_orders'')', true, false, '')`,
      notRead('query_to_xml'),
    ],
    [`SELECT dblink_exec('dbname=' || current_database(), 'CREATE TABLE mcp_escape (id int)')`, notRead('dblink_exec')],
    [`SELECT lo_export(lo_from_bytea(0, '\\x41'::bytea), '${file}')`, notRead('lo_export, lo_from_bytea')],
    [`SELECT pg_file_write('${file}', 'x', false)`, notRead('pg_file_write')],
    [`COPY (SELECT 1) TO PROGRAM 'touch ${file}'`, /^forbidden: restricted mode runs only one read statement.*\(got COPY\)/],
    ['SELECT pg_reload_conf()', notRead('pg_reload_conf')],
    ['SELECT pg_stat_reset()', notRead('pg_stat_reset')],
    [`SELECT pg_stat_reset_shared('bgwriter')`, notRead('pg_stat_reset_shared')],
    ['SELECT pg_stat_statements_reset()', notRead('pg_stat_statements_reset')],
    ['SELECT U&"pg\\005fadvisory\\005flock"(42)', notRead('pg_advisory_lock')],
    ['SELECT pg_catalog.PG_TRY_ADVISORY_LOCK(42)', notRead('pg_catalog.pg_try_advisory_lock')],
    ['SELECT x FROM (VALUES (1)) v(x) ORDER BY "pg_advisory_lock_shared"(42)', notRead('pg_advisory_lock_shared')],
    [`SELECT set_config('transaction_read_only', 'off', false)`, notRead('set_config')],
    [`SELECT * FROM dblink('dbname=postgres', 'CREATE TABLE mcp_escape (id int)') AS t(x text)`, notRead('dblink')],
    [`SELECT nextval('mcp_seq')`, notRead('nextval')],
    [`SELECT setval('mcp_seq', 1000)`, notRead('setval')],
    ['WITH gone AS (DELETE FROM mcp_orders RETURNING *) SELECT count(*) FROM gone', /^forbidden: .*runs DELETE/],
    ['SELECT * INTO mcp_escape FROM mcp_orders', /^forbidden: SELECT … INTO creates a table/],
    ['EXPLAIN ANALYZE INSERT INTO mcp_customers VALUES (999, $$x$$)', /^forbidden: .*runs INSERT/],
    ['SELECT * FROM mcp_orders FOR UPDATE', /^forbidden: FOR UPDATE \/ FOR SHARE/],
    ['CREATE TABLE mcp_escape (id int)', /^forbidden: restricted mode runs only one read statement/],
    ['DO $$ BEGIN CREATE TABLE mcp_escape (id int); END $$', /^forbidden: .*\(got DO\)/],
  ];
}

/**
 * One row of everything an escape could have changed: rows, tables, the sequence, advisory locks
 * held by any session, statistics reset times and the configuration's load time.
 */
export const SIDE_EFFECTS_SQL = `
  SELECT (SELECT count(*) FROM mcp_orders)::int AS orders,
         (SELECT count(*) FROM mcp_customers)::int AS customers,
         to_regclass('mcp_escape')::text AS escape_table,
         (SELECT last_value FROM mcp_seq)::text AS sequence_value,
         (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory')::int AS advisory_locks,
         (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database())::text AS database_stats_reset,
         (SELECT stats_reset FROM pg_stat_bgwriter)::text AS bgwriter_stats_reset,
         pg_conf_load_time()::text AS configuration_loaded`;
