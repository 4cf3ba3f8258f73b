import { z } from 'zod';

/** The output schema of a list tool's page: `{ items, nextCursor }`. */
export const listOutput = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().optional().describe('Pass as cursor for the next page; absent on the last page.'),
  });
