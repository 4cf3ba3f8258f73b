import { ToolError, pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { statementOutput } from '../shapes';
import { statementHandle } from '../inputs';
import { presentOutcome } from '../outcome';
import { decodeResultCursor, pageOf } from '../result-set';

export const getQueryStatus = defineSnowflakeTool({
  name: 'get_query_status',
  toolset: 'query',
  title: 'Get a query status or the next page of its rows',
  description:
    'Two uses: with statementHandle (from a run_query/execute_sql answer with status "running"), reports whether ' +
    'the statement is still running and, once it has finished, returns its first page exactly like run_query; ' +
    'with cursor (a nextCursor from a previous result), returns the next page of rows of a finished query. ' +
    'A statement that failed answers with Snowflake\'s error. Results stay available in Snowflake for about a day.',
  input: z.object({
    statementHandle: statementHandle.optional(),
    ...pageInput({ defaultLimit: 100, maxLimit: 1000 }),
  }),
  output: statementOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    if (input.cursor) {
      const state = decodeResultCursor(input.cursor);
      const partition = await ctx.snowflake.partition(state.statementHandle, state.partition, ctx.signal);
      return pageOf(partition.data ?? [], state, input.limit, ctx.maxCellChars);
    }
    if (!input.statementHandle) throw ToolError.invalidInput('pass statementHandle (to check a statement) or cursor (for the next page).');
    const outcome = await ctx.snowflake.status(input.statementHandle, ctx.signal);
    return presentOutcome(outcome, input.limit, ctx.maxCellChars);
  },
});
