import { ToolError, decodeCursor, encodeCursor } from '@sophia/mcp-base';
import { z } from 'zod';

/** Shared input fields of every offset-paged list tool. */
export const pageInput = {
  cursor: z.string().optional().describe('nextCursor from the previous page; omit for the first page.'),
  limit: z.number().int().min(1).max(100).default(30).describe('Items per page (1-100, default 30).'),
};

/** Asana pages with `limit` + an opaque `offset` token; our cursor carries that token. */
export function pageParams(input: { cursor?: string; limit: number }): { limit: number; offset?: string } {
  if (!input.cursor) return { limit: input.limit };
  const offset = decodeCursor<{ offset?: unknown }>(input.cursor)?.offset;
  // A cursor that decodes but carries no offset was not made by us.
  if (typeof offset !== 'string' || offset === '') throw invalidCursor();
  return { limit: input.limit, offset };
}

/** A next cursor exactly when Asana sent `next_page.offset`. */
export const nextCursor = (nextOffset: string | undefined): string | undefined =>
  nextOffset ? encodeCursor({ offset: nextOffset }) : undefined;

export const invalidCursor = (reason = 'pass the nextCursor from a previous result unchanged') =>
  ToolError.invalidInput(`cursor is not valid: ${reason}`);
