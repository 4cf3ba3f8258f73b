import { ToolError, decodeCursor, encodeCursor, pageInput as basePageInput } from '@sophia/mcp-base';

/** The shared cursor/limit inputs, with this vendor's default page size. */
export const pageInput = basePageInput({ defaultLimit: 30 });

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
