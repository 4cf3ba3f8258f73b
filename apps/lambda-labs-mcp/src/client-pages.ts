import { decodeCursor, encodeCursor, invalidCursor } from '@sophia/mcp-base';
import { z } from 'zod';

/**
 * One page of a list Lambda returns whole (instances, types, keys, file systems, images): the
 * cursor is the shared opaque codec around an offset. An offset cursor belongs in mcp-base (figma-
 * context-mcp has the same minimal helper); this one stays here until it moves there.
 */
export function clientPage<T>(items: T[], cursor: string | undefined, limit: number) {
  const offset = decodeCursor<{ offset?: unknown }>(cursor)?.offset ?? 0;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > items.length) throw invalidCursor();
  const end = offset + limit;
  return { items: items.slice(offset, end), total: items.length, nextCursor: end < items.length ? encodeCursor({ offset: end }) : undefined };
}

/** The output schema of one such page of `item`s. */
export const pageOutput = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().optional() });
