import { ToolError, decodeCursor, encodeCursor, pageInput as basePageInput } from '@sophia/mcp-base';

/** The shared cursor/limit inputs, with this vendor's default page size. */
export const pageInput = basePageInput({ defaultLimit: 25 });

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
