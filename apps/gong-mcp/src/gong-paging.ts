import { decodeCursor, encodeCursor, invalidCursor } from '@sophia/mcp-base';

/**
 * Our cursor over Gong's pages. Gong pages hold up to 100 records and take no page size, so a
 * smaller `limit` shows part of a page: the cursor keeps Gong's cursor for the page (`token`),
 * how many of it were shown (`skip`) and any request state that must stay the same across
 * pages (a date window a default filled in). Lists Gong answers whole use it with no token.
 */
export interface PageState<Extra> {
  token?: string;
  skip: number;
  extra?: Extra;
}

export function readPageCursor<Extra = undefined>(cursor: string | undefined): PageState<Extra> | undefined {
  const state = decodeCursor<{ token?: unknown; skip?: unknown; extra?: Extra }>(cursor);
  if (state === undefined) return undefined;
  const { token, skip } = state;
  if ((token !== undefined && (typeof token !== 'string' || token === '')) || !Number.isInteger(skip) || (skip as number) < 0) {
    throw invalidCursor();
  }
  return { token: token as string | undefined, skip: skip as number, extra: state.extra };
}

/** The slice of one Gong page to show, and the cursor after it (within the page, or Gong's next one). */
export function pageOf<T, Extra = undefined>(
  items: T[],
  nextToken: string | undefined,
  state: PageState<Extra> | undefined,
  limit: number,
  extra?: Extra,
): { items: T[]; nextCursor?: string } {
  const skip = state?.skip ?? 0;
  const shown = items.slice(skip, skip + limit);
  if (skip + limit < items.length) return { items: shown, nextCursor: encodeCursor({ token: state?.token, skip: skip + limit, extra }) };
  return { items: shown, nextCursor: nextToken ? encodeCursor({ token: nextToken, skip: 0, extra }) : undefined };
}
