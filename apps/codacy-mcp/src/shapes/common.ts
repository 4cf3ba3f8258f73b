import { pageOutput as basePageOutput } from '@sophia/mcp-base';
import { z } from 'zod';

/** Every list tool's answer: a page of items, our opaque cursor and Codacy's total when it reports one. */
export const pageOutput = <Item extends z.ZodType>(item: Item) =>
  basePageOutput(item, { total: z.number().optional().describe("Codacy's count of all matches, when it reports one.") });

/** Codacy leaves many fields out when unknown; the compact views say null instead. */
export const orNull = <T>(value: T | null | undefined): T | null => value ?? null;
