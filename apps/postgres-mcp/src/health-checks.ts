import { isToolError } from '@sophia/mcp-base';
import { catalogRows } from './catalog';
import type { PostgresContext } from './context';
import { mapPostgresError } from './postgres-errors';

export type CheckStatus = 'ok' | 'warning' | 'critical' | 'not_applicable' | 'unavailable';
export interface CheckResult {
  status: CheckStatus;
  [key: string]: unknown;
}

type Check = (ctx: PostgresContext, options: { longRunningSeconds: number }) => Promise<CheckResult>;

/** The checks that only mean something with several connections. */
const SERVER_ONLY = new Set(['connections', 'long_running_queries', 'blocking_locks']);

/**
 * Runs every check on its own, so one missing view or privilege degrades that check to
 * `unavailable` (with the reason) instead of failing the whole report.
 */
export async function runHealthChecks(ctx: PostgresContext, options: { longRunningSeconds: number }) {
  const report: Record<string, CheckResult> = {};
  for (const [name, check] of Object.entries(checks)) {
    if (ctx.db.engine === 'pglite' && SERVER_ONLY.has(name)) {
      report[name] = { status: 'not_applicable', reason: 'PGlite is an embedded single-connection database' };
      continue;
    }
    try {
      report[name] = await check(ctx, options);
    } catch (error) {
      const known = isToolError(error) ? error : mapPostgresError(error);
      if (!known) throw error;
      report[name] = { status: 'unavailable', reason: known.message };
    }
  }
  return report;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

const checks: Record<string, Check> = {
  connections: async (ctx) => {
    const [row] = await catalogRows(
      ctx,
      `SELECT count(*)::int AS used, current_setting('max_connections')::int AS max,
              count(*) FILTER (WHERE state = 'active')::int AS active,
              count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_in_transaction
         FROM pg_stat_activity WHERE backend_type = 'client backend'`,
    );
    const ratio = Number(row['used']) / Number(row['max']);
    return { status: ratio >= 0.9 ? 'critical' : ratio >= 0.75 ? 'warning' : 'ok', ...row, usedPct: Math.round(ratio * 1000) / 10 };
  },
  cache_hit_ratio: async (ctx) => {
    const [row] = await catalogRows(
      ctx,
      `SELECT sum(heap_blks_hit)::bigint AS heap_hit, sum(heap_blks_read)::bigint AS heap_read,
              sum(idx_blks_hit)::bigint AS index_hit, sum(idx_blks_read)::bigint AS index_read
         FROM pg_statio_user_tables`,
    );
    const ratio = (hit: unknown, read: unknown) => {
      const total = (num(hit) ?? 0) + (num(read) ?? 0);
      return total === 0 ? null : Math.round(((num(hit) ?? 0) / total) * 10000) / 100;
    };
    const table = ratio(row['heap_hit'], row['heap_read']);
    const index = ratio(row['index_hit'], row['index_read']);
    const worst = Math.min(table ?? 100, index ?? 100);
    return {
      status: worst < 90 ? 'warning' : 'ok',
      tableHitPct: table,
      indexHitPct: index,
      ...(table === null && { note: 'no table reads recorded yet' }),
    };
  },
  long_running_queries: async (ctx, { longRunningSeconds }) => {
    const queries = await catalogRows(
      ctx,
      `SELECT pid, usename AS user, state, round(extract(epoch FROM now() - query_start))::int AS seconds,
              wait_event_type, left(query, 500) AS query
         FROM pg_stat_activity
        WHERE state <> 'idle' AND pid <> pg_backend_pid() AND query_start < now() - make_interval(secs => $1::int)
        ORDER BY query_start LIMIT 20`,
      [longRunningSeconds],
    );
    return { status: queries.length ? 'warning' : 'ok', thresholdSeconds: longRunningSeconds, queries };
  },
  blocking_locks: async (ctx) => {
    const blocked = await catalogRows(
      ctx,
      `SELECT a.pid, pg_blocking_pids(a.pid)::text AS blocked_by, a.usename AS user,
              round(extract(epoch FROM now() - a.query_start))::int AS seconds, left(a.query, 500) AS query
         FROM pg_stat_activity a WHERE cardinality(pg_blocking_pids(a.pid)) > 0 LIMIT 20`,
    );
    return { status: blocked.length ? 'warning' : 'ok', blocked };
  },
  unused_indexes: async (ctx) => {
    const indexes = await catalogRows(
      ctx,
      `SELECT s.schemaname AS schema, s.relname AS table, s.indexrelname AS index,
              pg_relation_size(s.indexrelid) AS bytes, pg_size_pretty(pg_relation_size(s.indexrelid)) AS size
         FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
        WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary
        ORDER BY pg_relation_size(s.indexrelid) DESC LIMIT 50`,
    );
    return {
      status: indexes.length ? 'warning' : 'ok',
      note: 'never scanned since statistics were last reset; check replicas before dropping',
      indexes,
    };
  },
  duplicate_indexes: async (ctx) => {
    const groups = await catalogRows(
      ctx,
      `SELECT i.indrelid::regclass::text AS table, array_agg(i.indexrelid::regclass::text ORDER BY i.indexrelid::regclass::text)::text AS indexes,
              pg_size_pretty(sum(pg_relation_size(i.indexrelid))::bigint) AS total_size
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
        GROUP BY i.indrelid, i.indkey::text, i.indclass::text, coalesce(pg_get_expr(i.indexprs, i.indrelid), ''),
                 coalesce(pg_get_expr(i.indpred, i.indrelid), '')
       HAVING count(*) > 1 LIMIT 50`,
    );
    return { status: groups.length ? 'warning' : 'ok', groups };
  },
  transaction_id_wraparound: async (ctx) => {
    const databases = await catalogRows(
      ctx,
      `SELECT datname AS database, age(datfrozenxid)::bigint AS xid_age,
              round(100.0 * age(datfrozenxid) / 2147483647, 2)::float8 AS pct_to_wraparound
         FROM pg_database WHERE datallowconn ORDER BY age(datfrozenxid) DESC`,
    );
    const worst = Math.max(0, ...databases.map((db) => Number(db['pct_to_wraparound'])));
    return { status: worst >= 75 ? 'critical' : worst >= 50 ? 'warning' : 'ok', databases };
  },
};
