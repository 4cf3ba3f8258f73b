import { z } from 'zod';

/** A Portkey slug or id as a path segment: rejects path tricks ("../", "a/b") before any request. */
export const slugInput = (what: string, example: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/, `a ${what} slug or id such as "${example}"`)
    .describe(`The ${what}'s slug (or id), e.g. "${example}".`);
