import { z } from 'zod';

/** Linear ids are UUIDs; several inputs also take a human name or key instead. */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

/** An issue by UUID or identifier; Linear's `issue(id:)` resolves both. */
export const issueRef = z
  .string()
  .regex(/^(?:[A-Za-z][A-Za-z0-9_]{0,9}-\d+|[0-9a-fA-F-]{36})$/, 'an identifier like "ENG-123" or an issue UUID')
  .describe('Issue identifier as shown in Linear (e.g. "ENG-123") or the issue UUID.');

/** A Linear UUID, for fields the API accepts only as ids. */
export const uuid = (what: string) =>
  z.string().regex(UUID_PATTERN, `a Linear UUID (${what})`).describe(what);

/** Priority as Linear numbers it. */
export const priority = z
  .number()
  .int()
  .min(0)
  .max(4)
  .describe('Priority: 0 none, 1 urgent, 2 high, 3 medium, 4 low.');

/**
 * A project or document by id, by slug id, or by its linear.app URL, whose segment after /project/ or
 * /document/ is "<title words>-<slug id>"; Linear's `project(id:)` and `document(id:)` resolve the id or the slug id.
 */
export const idOrSlug = (what: string, example: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(500)
    .transform((value) => {
      if (isUuid(value)) return value;
      // In a URL, the segment after /project/ or /document/ (tabs such as /overview may follow it).
      const slug = /\/(?:project|document)\/([^/?#]+)/.exec(value)?.[1] ?? value;
      return /-([0-9a-f]{8,})$/i.exec(slug)?.[1] ?? slug;
    })
    .describe(`${what} id (UUID), its slug id, or its linear.app URL (e.g. "${example}").`);
