import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { statementOutput } from '../shapes';
import { rowLimit, statementContext } from '../inputs';
import { presentOutcome } from '../outcome';
import { assertReadOnly } from '../sql-guard';

export const runQuery = defineSnowflakeTool({
  name: 'run_query',
  toolset: 'query',
  title: 'Run a read-only SQL query',
  description:
    'Runs one read-only Snowflake SQL statement (SELECT, WITH … SELECT, SHOW, DESCRIBE/DESC, EXPLAIN, LIST) and ' +
    'returns { statementHandle, status, columns [{ name, type }], rows (arrays in column order; numbers, booleans, ' +
    'ISO dates/timestamps, parsed JSON for VARIANT/OBJECT/ARRAY; NUMBERs too large for a double stay strings), ' +
    'numRows, firstRow, nextCursor }. One statement per call; other statement types are refused (writes go through ' +
    'execute_sql). Up to `limit` rows per page (max 1000) and long text cells are cut with a marker; pass nextCursor ' +
    'to get_query_status for more. A query still running after ~20 s answers status "running" with its ' +
    'statementHandle: poll it with get_query_status.',
  input: z.object({
    sql: z.string().min(1).max(100_000).describe('One Snowflake SQL statement; a trailing ";" is fine.'),
    ...statementContext,
    limit: rowLimit,
  }),
  output: statementOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ sql, limit, ...context }, ctx) => {
    assertReadOnly(sql);
    const outcome = await ctx.snowflake.execute(sql, context, ctx.signal);
    return presentOutcome(outcome, limit, ctx.maxCellChars);
  },
});
