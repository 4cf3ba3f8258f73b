import { decodeCursor, encodeCursor, invalidCursor } from '@sophia/mcp-base';
import { z } from 'zod';

export interface ClientPage<T> {
  items: T[];
  /** How many items the whole list has. */
  total: number;
  nextCursor?: string;
}

/**
 * One page of a list Figma returns whole (file components, styles, comments, image fills): the
 * cursor is the shared opaque codec around an offset. An offset-cursor helper belongs in mcp-base
 * (tokenCursor and pageNumberCursor exist there); this is the minimal one until it does.
 */
export function clientPage<T>(items: T[], cursor: string | undefined, limit: number): ClientPage<T> {
  const offset = decodeCursor<{ offset?: unknown }>(cursor)?.offset ?? 0;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > items.length) throw invalidCursor();
  const end = offset + limit;
  const page: ClientPage<T> = { items: items.slice(offset, end), total: items.length };
  if (end < items.length) page.nextCursor = encodeCursor({ offset: end });
  return page;
}

/** The output schema of one such page of `item`s. */
export const clientPageOutput = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), total: z.number(), nextCursor: z.string().optional() });
