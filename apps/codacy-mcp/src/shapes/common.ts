import { z } from 'zod';

/** Every list tool's answer: a page of items plus our opaque cursor (absent on the last page). */
export const pageOutput = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().optional().describe('Pass as cursor for the next page; absent on the last page.'),
    total: z.number().optional().describe("Codacy's count of all matches, when it reports one."),
  });

/** Codacy leaves many fields out when unknown; the compact views say null instead. */
export const orNull = <T>(value: T | null | undefined): T | null => value ?? null;
