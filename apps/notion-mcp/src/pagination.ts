import { ToolError, decodeCursor, encodeCursor } from '@sophia/mcp-base';
import { z } from 'zod';

/** Shared input fields of every list tool. */
export const pageInput = {
  cursor: z.string().optional().describe('nextCursor from the previous page; omit for the first page.'),
  limit: z.number().int().min(1).max(100).default(25).describe('Items per page (1-100, default 25).'),
};

/** Notion's own cursor, from our opaque one. */
export function startCursor(cursor: string | undefined): string | undefined {
  const state = decodeCursor<{ notion?: unknown }>(cursor);
  if (state === undefined) return undefined;
  // A cursor that decodes but carries no Notion cursor was not made by us.
  if (typeof state.notion !== 'string' || state.notion === '') {
    throw ToolError.invalidInput('cursor is not valid: pass the nextCursor from a previous result unchanged');
  }
  return state.notion;
}

/** A next cursor exactly when Notion says there is more (has_more + next_cursor). */
export function nextCursor(page: { has_more: boolean; next_cursor: string | null }): string | undefined {
  return page.has_more && page.next_cursor ? encodeCursor({ notion: page.next_cursor }) : undefined;
}
