import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { statementHandle } from '../inputs';

export const cancelQuery = defineSnowflakeTool({
  name: 'cancel_query',
  toolset: 'query',
  title: 'Cancel a running query',
  description:
    'Cancels a running Snowflake statement by its statementHandle (from run_query, execute_sql or ' +
    'get_query_status). Returns { statementHandle, cancelled: true, message } with Snowflake\'s message. Cancelling ' +
    'a statement that has already finished changes nothing.',
  input: z.object({ statementHandle }),
  output: z.object({ statementHandle: z.string(), cancelled: z.literal(true), message: z.string().nullable() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const answer = await ctx.snowflake.cancel(input.statementHandle, ctx.signal);
    return { statementHandle: input.statementHandle, cancelled: true, message: answer?.message ?? null };
  },
});
