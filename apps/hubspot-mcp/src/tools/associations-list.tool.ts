import { tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { objectType, recordId } from '../inputs';
import { nextCursorField } from '../records';

/** HubSpot's v4 association pages hold at most 500. */
const UPSTREAM_PAGE = 500;
const MAX_ASSOCIATIONS = 2_000;

const upstreamAssociations = z.object({
  results: z.array(
    z.object({
      toObjectId: z.union([z.string(), z.number()]).transform(String),
      associationTypes: z
        .array(z.object({ category: z.string(), typeId: z.number(), label: z.string().nullable().optional() }))
        .default([]),
    }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

const output = z.object({
  results: z.array(
    z.object({
      toObjectId: z.string(),
      types: z.array(z.object({ category: z.string(), typeId: z.number(), label: z.string().nullable() })),
    }),
  ),
  nextCursor: nextCursorField.describe('Set only when more associations exist than limit: pass it as cursor for the rest.'),
});

export const listAssociations = defineHubspotTool({
  name: 'list_associations',
  toolset: 'crm',
  title: 'List associated records',
  description:
    'Lists the records of one type associated with a record, e.g. the contacts of a company or the deals of a ' +
    'contact, with each association\'s type and label (e.g. "Decision maker"). Follows HubSpot\'s pages to the end ' +
    `(up to limit, at most ${MAX_ASSOCIATIONS}), so the list is complete unless nextCursor is set. Returns ids only: ` +
    'read their properties with get_crm_objects.',
  input: z.object({
    fromObjectType: objectType.describe('Object type of the record whose associations to list, e.g. "companies".'),
    recordId,
    toObjectType: objectType.describe('Object type of the associated records to list, e.g. "contacts".'),
    cursor: z.string().optional().describe('nextCursor from the previous result; omit to start.'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(MAX_ASSOCIATIONS)
      .default(1_000)
      .describe(`Most associations to return in one result (1-${MAX_ASSOCIATIONS}, default 1000).`),
  }),
  output,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const path = `crm/v4/objects/${input.fromObjectType}/${input.recordId}/associations/${input.toObjectType}`;
    const results: z.input<typeof output>['results'] = [];
    let after = tokenCursor.read(input.cursor);
    // Users of other servers lose associations past the first page: follow `after` until done or limit.
    do {
      const page = await ctx.hubspot.get(path, upstreamAssociations, {
        limit: Math.min(UPSTREAM_PAGE, input.limit - results.length),
        after,
      });
      for (const association of page.results) {
        results.push({
          toObjectId: association.toObjectId,
          types: association.associationTypes.map((type) => ({ ...type, label: type.label ?? null })),
        });
      }
      after = page.paging?.next?.after;
    } while (after && results.length < input.limit);
    return { results, nextCursor: tokenCursor.next(after) } satisfies z.input<typeof output>;
  },
});
