import { z } from 'zod';

/** The cursor field every list answers with. */
export const nextCursorField = z.string().optional().describe('Pass as cursor for the next page; absent on the last page.');

/** A catalog list (SHOW …): one page of items and the cursor. */
export const catalogPage = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item), nextCursor: nextCursorField });

/**
 * A statement's answer, one object for both states (MCP output schemas must be objects): a finished
 * statement carries columns and a page of rows; a running one only its handle and what to do next.
 */
export const statementOutput = z.object({
  statementHandle: z.string().describe('Snowflake query id; use with get_query_status and cancel_query.'),
  status: z.enum(['succeeded', 'running']),
  columns: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
  rows: z
    .array(z.array(z.unknown()))
    .optional()
    .describe('Rows in column order: numbers, booleans, ISO dates/timestamps, parsed JSON, or strings.'),
  numRows: z.number().int().optional().describe('Rows in the whole result.'),
  firstRow: z.number().int().optional().describe('1-based position of this page\'s first row.'),
  nextCursor: nextCursorField,
  note: z.string().optional(),
  message: z.string().optional().describe('What to do next while the statement runs.'),
});
