import { pageInput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { objectType, propertyNames } from '../inputs';
import { compactRecord, crmRecord, nextCursorField, upstreamRecordPage } from '../records';

const output = z.object({ results: z.array(crmRecord), nextCursor: nextCursorField });

export const listCrmObjects = defineHubspotTool({
  name: 'list_crm_objects',
  toolset: 'crm',
  title: 'List CRM records',
  description:
    'Pages through every record of one object type (contacts, companies, deals, tickets or a custom object) in ' +
    'id order, with the properties asked for. Use it to browse or export; to find records by value use ' +
    'search_crm_objects, to read known ids use get_crm_objects. Returns the records (id, properties, dates) and ' +
    'nextCursor; up to 100 per page. archived: true lists deleted (archived) records instead.',
  input: z.object({
    objectType,
    properties: propertyNames,
    archived: z.boolean().default(false).describe('List archived (deleted) records instead of live ones.'),
    ...pageInput({ defaultLimit: 20, maxLimit: 100 }),
  }),
  output,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.hubspot.get(`crm/v3/objects/${input.objectType}`, upstreamRecordPage, {
      limit: input.limit,
      after: tokenCursor.read(input.cursor),
      properties: input.properties?.join(','),
      archived: input.archived,
    });
    return {
      results: page.results.map(compactRecord),
      nextCursor: tokenCursor.next(page.paging?.next?.after),
    } satisfies z.input<typeof output>;
  },
});
