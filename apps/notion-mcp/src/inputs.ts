import { extractNotionId } from '@notionhq/client';
import { z } from 'zod';

/**
 * A Notion id, with or without dashes, or a notion.so URL that contains one (what users paste).
 * Normalised to the dashed UUID form; anything else is rejected before a request is made.
 */
export const notionId = (what: string) =>
  z
    .string()
    .min(32)
    .max(2000)
    .transform((value, ctx) => {
      const id = extractNotionId(value.trim());
      if (id) return id;
      ctx.addIssue({ code: 'custom', message: `expected a Notion ${what} id (32 hex digits, dashes optional) or a notion.so URL` });
      return z.NEVER;
    })
    .describe(`The ${what} id (e.g. "59833787-2cf9-4fdf-8782-e53db20768a5") or its notion.so URL.`);

/** Markdown accepted by the write tools; see markdown/to-blocks.ts for what is understood. */
export const markdownInput = (what: string) =>
  z
    .string()
    .max(100_000)
    .describe(
      `${what} in Markdown: # / ## / ### headings, paragraphs, - or * bullets, 1. numbered items, - [ ] / - [x] ` +
        'to-dos (indent list items by 2+ spaces to nest them), ``` code fences with a language, > quotes, --- ' +
        'dividers, and inline **bold**, *italic*, ~~strike~~, `code` and [links](https://…).',
    );

/**
 * Notion property values, passed through as Notion's API expects them, e.g.
 * { "Status": { "status": { "name": "Done" } }, "Due": { "date": { "start": "2026-02-01" } } }.
 */
export const propertyValues = z
  .record(z.string().min(1), z.record(z.string(), z.unknown()))
  .describe(
    'Property values keyed by property name, in Notion API form, e.g. { "Status": { "status": { "name": "Done" } }, ' +
      '"Tags": { "multi_select": [{ "name": "urgent" }] }, "Due": { "date": { "start": "2026-02-01" } }, ' +
      '"Points": { "number": 3 }, "Done": { "checkbox": true } }. Read the schema with get_data_source first.',
  );
