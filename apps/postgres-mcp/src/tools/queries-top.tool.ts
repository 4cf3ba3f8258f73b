import { capText, ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { catalogRows } from '../catalog';
import { topQueriesOutput } from '../shapes';
import { definePostgresTool } from '../context';
import { redactLiterals } from '../sql/redact';

const orderBy = {
  total_time: 'total_exec_time',
  mean_time: 'mean_exec_time',
  calls: 'calls',
  rows: 'rows',
} as const;

export const topQueries = definePostgresTool({
  name: 'top_queries',
  toolset: 'health',
  title: 'Top queries (pg_stat_statements)',
  description:
    'The most expensive statements from pg_stat_statements, by total time, mean time, calls or rows: calls, total and mean ' +
    'milliseconds, rows, cache hit %, and the normalised query text (capped at 2000 characters; string literals that ' +
    'pg_stat_statements keeps, as in CREATE ROLE … PASSWORD, are shown as \'<redacted>\'). Needs the pg_stat_statements ' +
    'extension (shared_preload_libraries + CREATE EXTENSION); without it the error says how to enable it.',
  input: z.object({
    sort_by: z.enum(['total_time', 'mean_time', 'calls', 'rows']).default('total_time').describe('Ranking (default total_time).'),
    limit: z.number().int().min(1).max(50).default(10).describe('Statements to return (1-50, default 10).'),
  }),
  output: topQueriesOutput,
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async ({ sort_by, limit }, ctx) => {
    const [installed] = await catalogRows(ctx, "SELECT extversion FROM pg_extension WHERE extname = 'pg_stat_statements'");
    if (!installed) {
      throw ToolError.notFound(
        `pg_stat_statements is not installed in this ${ctx.db.engine === 'pglite' ? 'embedded PGlite ' : ''}database: ` +
          "add it to shared_preload_libraries (postgresql.conf), restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements",
      );
    }
    const rows = await catalogRows(
      ctx,
      `SELECT queryid::text AS query_id, calls, round(total_exec_time::numeric, 2) AS total_ms,
              round(mean_exec_time::numeric, 2) AS mean_ms, rows,
              round(100.0 * shared_blks_hit / nullif(shared_blks_hit + shared_blks_read, 0), 2) AS cache_hit_pct,
              query
         FROM pg_stat_statements
        ORDER BY ${orderBy[sort_by]} DESC NULLS LAST LIMIT $1::int`,
      [limit],
    );
    return {
      sortedBy: sort_by,
      queries: await Promise.all(
        rows.map(async (row) => ({ ...row, query: capText(await redactQuery(row['query']), 2000) })),
      ),
    };
  },
});

/** pg_stat_statements shows NULL text to roles without pg_read_all_stats. */
async function redactQuery(query: unknown): Promise<string | null> {
  return typeof query === 'string' ? redactLiterals(query) : null;
}
