import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { rowLimit, statementContext } from '../inputs';
import { presentOutcome } from '../outcome';
import { assertSingleStatement } from '../sql-guard';

export const executeSql = defineSnowflakeTool({
  name: 'execute_sql',
  toolset: 'write',
  title: 'Execute a SQL statement (writes)',
  description:
    'Runs one Snowflake SQL statement of any type (INSERT, UPDATE, DELETE, MERGE, CREATE, ALTER, DROP, …) and ' +
    'returns the same shape as run_query (DML answers with its row counts). Only when the server runs with ' +
    'SNOWFLAKE_ALLOW_WRITES=true; otherwise it refuses. Prefer run_query for reads. One statement per call.',
  input: z.object({
    sql: z.string().min(1).max(100_000).describe('One Snowflake SQL statement.'),
    ...statementContext,
    limit: rowLimit,
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  handler: async ({ sql, limit, ...context }, ctx) => {
    if (!ctx.allowWrites) {
      throw new ToolError(
        'forbidden',
        'execute_sql is disabled: this server is read-only. An operator can enable writes with SNOWFLAKE_ALLOW_WRITES=true; ' +
          'read-only statements work through run_query.',
      );
    }
    assertSingleStatement(sql);
    const outcome = await ctx.snowflake.execute(sql, context, ctx.signal);
    return presentOutcome(outcome, limit, ctx.maxCellChars);
  },
});
