import { z } from 'zod';

/**
 * Slack has no lookup of people or channels by name, and agents are given names. find_user and
 * find_channel therefore page through users.list / conversations.list and match names here, up to a
 * bound, so one call never walks a huge workspace: the answer says when the bound cut the search.
 */
export const SCAN_PAGE_SIZE = 200;
export const SCAN_MAX_PAGES = 10;

export interface ScanPage<T> {
  items: T[];
  nextCursor?: string;
}

export interface ScanResult<T> {
  matches: T[];
  /** How many entries were looked at. */
  scanned: number;
  /** False when the bound stopped the scan before Slack's last page. */
  complete: boolean;
}

/** How well a query names something: 0 exactly, 1 at the start, 2 inside; undefined not at all. */
export type Rank = 0 | 1 | 2 | undefined;

/** Lower case without a leading @ or #, as people write names in chat. */
export const normalizeName = (name: string) => name.trim().replace(/^[@#]/, '').toLowerCase();

/** The best rank of the query against any of the names (handle, display name, full name, email …). */
export function rankNames(query: string, names: ReadonlyArray<string | null | undefined>): Rank {
  const wanted = normalizeName(query);
  let best: Rank;
  for (const raw of names) {
    if (!raw) continue;
    const name = normalizeName(raw);
    const rank: Rank = name === wanted ? 0 : name.startsWith(wanted) ? 1 : name.includes(wanted) ? 2 : undefined;
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/**
 * Pages through a Slack list until its end, the page bound, or `limit` exact matches; returns the
 * best `limit` matches, exact ones first, each rank in Slack's order.
 */
export async function scanByName<T>(
  fetchPage: (cursor: string | undefined) => Promise<ScanPage<T>>,
  rank: (item: T) => Rank,
  limit: number,
): Promise<ScanResult<T>> {
  const found: Array<{ item: T; rank: 0 | 1 | 2 }> = [];
  let scanned = 0;
  let cursor: string | undefined;
  for (let page = 0; page < SCAN_MAX_PAGES; page++) {
    const { items, nextCursor } = await fetchPage(cursor);
    scanned += items.length;
    for (const item of items) {
      const itemRank = rank(item);
      if (itemRank !== undefined) found.push({ item, rank: itemRank });
    }
    cursor = nextCursor;
    if (!cursor || found.filter((match) => match.rank === 0).length >= limit) {
      return { matches: best(found, limit), scanned, complete: !cursor };
    }
  }
  return { matches: best(found, limit), scanned, complete: false };
}

const best = <T>(found: Array<{ item: T; rank: number }>, limit: number) =>
  found
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((match) => match.item);

/** The answer of find_user and find_channel: the matches and how much was looked at. */
export const scanOutput = <Item extends z.ZodType>(item: Item, what: string) =>
  z.object({
    matches: z.array(item),
    scanned: z.number().int().describe(`How many ${what} were looked at.`),
    complete: z.boolean().describe(`Whether every ${what.replace(/s$/, '')} was looked at.`),
    note: z.string().optional().describe('Says when the page bound cut the search.'),
  });

/** What a bounded scan says about itself when it did not see everything. */
export function scanNote(result: ScanResult<unknown>, what: string): { note?: string } {
  if (result.complete) return {};
  return {
    note:
      `Looked at the first ${result.scanned} ${what} only (${SCAN_MAX_PAGES} pages of ${SCAN_PAGE_SIZE}); ` +
      'more may match: give a more exact name.',
  };
}
