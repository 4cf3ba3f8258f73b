import { decodeCursor, encodeCursor, invalidCursor } from '@sophia/mcp-base';

/**
 * Asana's task search has no offset paging (its results are not stable between calls). Its
 * documented way through: sort by creation time and exclude what was already seen. So when
 * results are sorted by created_at, our cursor carries the created_at of the last task of the
 * page, and the next call adds `created_at.before` (newest first) or `created_at.after`
 * (oldest first) with it. Other sorts return one page only.
 */
interface SearchCursor {
  createdAt: string;
  ascending: boolean;
}

export interface SearchOrder {
  sortBy: string;
  sortAscending: boolean;
}

/** The created_at bound for this page, from the cursor (none on the first page). */
export function searchPageBound(cursor: string | undefined, order: SearchOrder): Record<string, string> {
  const state = decodeCursor<Partial<SearchCursor>>(cursor);
  if (!state) return {};
  if (typeof state.createdAt !== 'string' || typeof state.ascending !== 'boolean') throw invalidCursor();
  if (order.sortBy !== 'created_at' || state.ascending !== order.sortAscending) {
    throw invalidCursor('it belongs to a search with another order; repeat the same sortBy and sortAscending');
  }
  return { [state.ascending ? 'created_at.after' : 'created_at.before']: state.createdAt };
}

/**
 * A next cursor when the page came back full under created_at order: there may be more. (A full
 * last page therefore still gets a cursor; the next call then returns no items and no cursor.)
 */
export function searchNextCursor(
  tasks: ReadonlyArray<{ created_at?: string }>,
  limit: number,
  order: SearchOrder,
): string | undefined {
  const last = tasks.at(-1)?.created_at;
  if (order.sortBy !== 'created_at' || tasks.length < limit || !last) return undefined;
  return encodeCursor({ createdAt: last, ascending: order.sortAscending } satisfies SearchCursor);
}
