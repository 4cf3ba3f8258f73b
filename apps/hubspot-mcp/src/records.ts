import { capText, pageNumberCursor } from '@sophia/mcp-base';
import { z } from 'zod';

/** One property value can be a whole email or note; each is capped so one cannot crowd out the rest. */
export const PROPERTY_MAX_CHARS = 2_000;

/** HubSpot sends property values as strings (null when empty); anything else is read as its text. */
const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((value) =>
  value === null ? null : String(value),
);

/** A CRM record as HubSpot's v3 object endpoints answer it (the fields we read). */
export const upstreamRecord = z.object({
  id: z.string(),
  properties: z.record(z.string(), propertyValue.optional()).default({}),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});

/** `paging.next.after`: HubSpot's continuation token, absent on the last page. */
export const upstreamPaging = z.object({ next: z.object({ after: z.string() }).optional() }).optional();

export const upstreamRecordPage = z.object({ results: z.array(upstreamRecord), paging: upstreamPaging });

/** What a tool returns for one record. */
export const crmRecord = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()).describe(`Property values (each capped at ${PROPERTY_MAX_CHARS} characters).`),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});

export type CrmRecord = z.output<typeof crmRecord>;

export function compactRecord(record: z.output<typeof upstreamRecord>): CrmRecord {
  const properties = Object.fromEntries(
    Object.entries(record.properties).map(([name, value]) => [name, capText(value ?? null, PROPERTY_MAX_CHARS)]),
  );
  return {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    // Only said when true: archived records appear only when asked for.
    ...(record.archived ? { archived: true } : {}),
  };
}

export const nextCursorField = z
  .string()
  .optional()
  .describe('Pass as cursor for the next page; absent on the last page.');

/**
 * One page of a list HubSpot answers whole (properties, pipelines): the cursor is ours, a page number
 * over the filtered list.
 */
export function localPage<T>(items: T[], cursor: string | undefined, limit: number): { page: T[]; nextCursor?: string } {
  const pageNumber = pageNumberCursor.read(cursor);
  const start = (pageNumber - 1) * limit;
  return { page: items.slice(start, start + limit), nextCursor: pageNumberCursor.next(pageNumber, start + limit < items.length) };
}
