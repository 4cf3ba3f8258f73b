import { ToolError, decodeCursor, encodeCursor } from '@sophia/mcp-base';
import { z } from 'zod';

/**
 * Shared input fields of every list tool. The default page is smaller than Linear's 50:
 * query complexity grows with the page size, and 25 rows is plenty for a model to read.
 */
export const pageInput = {
  cursor: z.string().optional().describe('nextCursor from the previous page; omit for the first page.'),
  limit: z.number().int().min(1).max(100).default(25).describe('Items per page (1-100, default 25).'),
};

/** Relay paging arguments (`first`/`after`) from our opaque cursor. */
export function relayPage(input: { cursor?: string; limit: number }): { first: number; after?: string } {
  const state = decodeCursor<{ after?: unknown }>(input.cursor);
  if (state === undefined) return { first: input.limit };
  // A cursor that decodes but carries no Linear cursor was not made by us.
  if (typeof state.after !== 'string' || state.after === '') {
    throw ToolError.invalidInput('cursor is not valid: pass the nextCursor from a previous result unchanged');
  }
  return { first: input.limit, after: state.after };
}

/** The fields every connection query selects for paging. */
export const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** A next cursor exactly when Linear says there is a next page. */
export function nextCursor(pageInfo: PageInfo): string | undefined {
  return pageInfo.hasNextPage && pageInfo.endCursor ? encodeCursor({ after: pageInfo.endCursor }) : undefined;
}
