import { z } from 'zod';
import { ToolError } from '../errors/tool-error';

/**
 * Opaque pagination cursors. Every list tool takes `cursor` and returns `nextCursor`;
 * what is inside (a page number, an upstream cursor, an offset) is the tool's business.
 * Most tools need only `tokenCursor` or `pageNumberCursor` below.
 */
export function encodeCursor(state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor<T extends Record<string, unknown>>(cursor: string | undefined): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (state && typeof state === 'object' && !Array.isArray(state)) return state as T;
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/** The one answer to a cursor we did not make (or one made for another request). */
export function invalidCursor(reason = 'pass the nextCursor from a previous result unchanged'): ToolError {
  return ToolError.invalidInput(`cursor is not valid: ${reason}`);
}

/**
 * Our cursor around the upstream's own continuation token (Notion `next_cursor`, Linear
 * `endCursor`, Asana `offset`, Slack `next_cursor`): the client never sees the vendor's format.
 */
export const tokenCursor = {
  /** The upstream token in a cursor we made; undefined for the first page. */
  read(cursor: string | undefined): string | undefined {
    const state = decodeCursor<{ token?: unknown }>(cursor);
    if (state === undefined) return undefined;
    if (typeof state.token !== 'string' || state.token === '') throw invalidCursor();
    return state.token;
  },
  /** A cursor for the next page exactly when the upstream gave a token. */
  next(token: string | null | undefined): string | undefined {
    return token ? encodeCursor({ token }) : undefined;
  },
};

/** Our cursor for upstreams that page by number (GitHub `page`). */
export const pageNumberCursor = {
  /** The page a cursor points at; 1 without one. */
  read(cursor: string | undefined): number {
    const page = decodeCursor<{ page?: unknown }>(cursor)?.page ?? 1;
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 1) throw invalidCursor();
    return page;
  },
  /** A cursor for the page after `page` exactly when the upstream says there is one. */
  next(page: number, hasMore: boolean): string | undefined {
    return hasMore ? encodeCursor({ page: page + 1 }) : undefined;
  },
};

/**
 * The `cursor` and `limit` inputs every list tool shares:
 * `input: z.object({ owner, repo, ...pageInput({ defaultLimit: 30 }) })`.
 */
export function pageInput(options: { defaultLimit?: number; maxLimit?: number } = {}) {
  const { defaultLimit = 30, maxLimit = 100 } = options;
  return {
    cursor: z.string().optional().describe('nextCursor from the previous page; omit for the first page.'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(defaultLimit)
      .describe(`Items per page (1-${maxLimit}, default ${defaultLimit}).`),
  };
}

/** One page of a list the upstream returns whole, paged here (Figma components, Lambda instances). */
export interface ListPage<T> {
  items: T[];
  /** How many items the whole list has. */
  total: number;
  nextCursor?: string;
}

/** Pages a list the upstream returns whole: our cursor around an offset into it. */
export function pageOfList<T>(items: readonly T[], cursor: string | undefined, limit: number): ListPage<T> {
  const offset = decodeCursor<{ offset?: unknown }>(cursor)?.offset ?? 0;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > items.length) throw invalidCursor();
  const end = offset + limit;
  const page: ListPage<T> = { items: items.slice(offset, end), total: items.length };
  if (end < items.length) page.nextCursor = encodeCursor({ offset: end });
  return page;
}

/** The cursor field of every paged output: present while there are more pages. */
export const nextCursorOutput = z.string().optional().describe('Pass as cursor for the next page; absent on the last page.');

/**
 * The output schema of a list tool's page: `{ items, nextCursor }`, plus any page fields the
 * upstream adds (a total, a search's match count).
 */
export const pageOutput = <Item extends z.ZodType, Extra extends z.ZodRawShape = Record<never, never>>(item: Item, extra?: Extra) =>
  z.object({ items: z.array(item), nextCursor: nextCursorOutput, ...(extra as Extra) });

/** The output schema of a `pageOfList` page of `item`s. */
export const listPageOutput = <Item extends z.ZodType>(item: Item) => pageOutput(item, { total: z.number().int() });
