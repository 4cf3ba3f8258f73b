import { pageInput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { objectType, propertyName, propertyNames } from '../inputs';
import { compactRecord, crmRecord, nextCursorField, upstreamPaging, upstreamRecord } from '../records';

const OPERATORS = [
  'EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN',
  'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN',
] as const;

/** HubSpot's documented search limits (Aug 2024): 5 groups, 10 filters per group, 25 in all. */
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 10;
const MAX_FILTERS = 25;

const filterValue = z.string().max(1_000);

const filter = z
  .object({
    propertyName,
    operator: z.enum(OPERATORS),
    value: filterValue.optional().describe('Compared value (numbers and dates as text; dates as epoch ms or ISO 8601).'),
    highValue: filterValue.optional().describe('Upper bound, for BETWEEN (value is the lower bound).'),
    values: z.array(filterValue).min(1).max(100).optional().describe('Candidate values, for IN and NOT_IN.'),
  })
  .superRefine((f, ctx) => {
    const need = (field: 'value' | 'highValue' | 'values') => {
      if (f[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${f.operator} needs ${field}` });
    };
    if (f.operator === 'IN' || f.operator === 'NOT_IN') need('values');
    else if (f.operator === 'HAS_PROPERTY' || f.operator === 'NOT_HAS_PROPERTY') return;
    else need('value');
    if (f.operator === 'BETWEEN') need('highValue');
  });

const upstreamSearchPage = z.object({
  total: z.number().optional(),
  results: z.array(upstreamRecord),
  paging: upstreamPaging,
});

const output = z.object({
  total: z.number().describe('Matches in all (HubSpot pages through at most 10,000 of them).'),
  results: z.array(crmRecord),
  nextCursor: nextCursorField,
});

export const searchCrmObjects = defineHubspotTool({
  name: 'search_crm_objects',
  toolset: 'crm',
  title: 'Search CRM records',
  description:
    'Finds records of one object type by property filters, free text, or both, e.g. open deals over 10,000 closing ' +
    'this quarter, or contacts at a company domain. filterGroups are ORed; the filters inside one group are ANDed ' +
    `(at most ${MAX_GROUPS} groups, ${MAX_FILTERS_PER_GROUP} filters per group, ${MAX_FILTERS} in all). query searches ` +
    "the object's default text properties (names, email, domain, phone). Use list_properties for property names and " +
    'enumeration values, list_pipelines for deal and ticket stage ids. Returns total, the records (id, requested ' +
    'properties) and nextCursor; up to 200 per page, and HubSpot serves at most the first 10,000 matches. Search is ' +
    'limited to about 4 requests a second per token: this server paces its searches.',
  input: z.object({
    objectType,
    query: z.string().min(1).max(3_000).optional().describe('Free text matched against default searchable properties.'),
    filterGroups: z
      .array(z.object({ filters: z.array(filter).min(1).max(MAX_FILTERS_PER_GROUP) }))
      .max(MAX_GROUPS)
      .optional()
      .refine((groups) => (groups ?? []).reduce((sum, group) => sum + group.filters.length, 0) <= MAX_FILTERS, {
        message: `at most ${MAX_FILTERS} filters in all`,
      })
      .describe('OR of ANDs: a record matches when every filter of at least one group matches.'),
    sort: z
      .object({ propertyName, direction: z.enum(['ASCENDING', 'DESCENDING']).default('DESCENDING') })
      .optional()
      .describe('One sort rule (HubSpot takes one). Omitted: HubSpot\'s default order.'),
    properties: propertyNames,
    ...pageInput({ defaultLimit: 20, maxLimit: 200 }),
  }),
  output,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.hubspot.post(
      `crm/v3/objects/${input.objectType}/search`,
      {
        query: input.query,
        filterGroups: input.filterGroups ?? [],
        sorts: input.sort ? [input.sort] : [],
        properties: input.properties,
        limit: input.limit,
        after: tokenCursor.read(input.cursor),
      },
      upstreamSearchPage,
    );
    return {
      total: page.total ?? page.results.length,
      results: page.results.map(compactRecord),
      nextCursor: tokenCursor.next(page.paging?.next?.after),
    } satisfies z.input<typeof output>;
  },
});
