import { ToolError, decodeCursor, encodeCursor, pageInput as basePageInput } from '@sophia/mcp-base';

/** The shared cursor/limit inputs, with this vendor's default page size. */
export const pageInput = basePageInput({ defaultLimit: 25 });

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
