import { ToolError, decodeCursor, encodeCursor, pageInput as basePageInput } from '@sophia/mcp-base';

/** The shared cursor/limit inputs, with this vendor's default page size. */
export const pageInput = basePageInput({ defaultLimit: 30 });

/** GitHub pages by number; our cursor carries the page number opaquely. */
export function pageParams(input: { cursor?: string; limit: number }): { page: number; per_page: number } {
  const page = decodeCursor<{ page?: unknown }>(input.cursor)?.page ?? 1;
  // A cursor that decodes but carries no sane page was not made by us.
  if (typeof page !== 'number' || !Number.isInteger(page) || page < 1) {
    throw ToolError.invalidInput('cursor is not valid: pass the nextCursor from a previous result unchanged');
  }
  return { page, per_page: input.limit };
}

/** A next cursor exactly when GitHub's Link header has rel="next". */
export function nextCursor(linkHeader: string | undefined, page: number): string | undefined {
  return linkHeader && /rel="next"/.test(linkHeader) ? encodeCursor({ page: page + 1 }) : undefined;
}
