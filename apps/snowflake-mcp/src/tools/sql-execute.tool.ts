import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { statementOutput } from '../shapes';
import { rowLimit, statementContext } from '../inputs';
import { presentOutcome } from '../outcome';
import { assertSingleStatement } from '../sql-guard';

export const executeSql = defineSnowflakeTool({
  name: 'execute_sql',
  toolset: 'write',
  title: 'Execute a SQL statement (writes)',
  description:
    'Runs one Snowflake SQL statement of any type (INSERT, UPDATE, DELETE, MERGE, CREATE, ALTER, DROP, …) and ' +
    'returns the same shape as run_query (DML answers with its row counts). Served only when the server runs with ' +
    'MCP_ALLOW_DESTRUCTIVE=true (or the older SNOWFLAKE_ALLOW_WRITES=true). Prefer run_query for reads. One statement per call.',
  input: z.object({
    sql: z.string().min(1).max(100_000).describe('One Snowflake SQL statement.'),
    ...statementContext,
    limit: rowLimit,
  }),
  output: statementOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  handler: async ({ sql, limit, ...context }, ctx) => {
    assertSingleStatement(sql);
    const outcome = await ctx.snowflake.execute(sql, context, ctx.signal);
    return presentOutcome(outcome, limit, ctx.maxCellChars);
  },
});
