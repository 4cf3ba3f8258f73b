import { capText, pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { objectType } from '../inputs';
import { localPage, nextCursorField } from '../records';

/** Enumerations can hold hundreds of options (countries); the first ones show the format. */
const MAX_OPTIONS = 50;

const upstreamProperty = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  fieldType: z.string().optional(),
  groupName: z.string().optional(),
  description: z.string().optional(),
  hidden: z.boolean().optional(),
  calculated: z.boolean().optional(),
  hasUniqueValue: z.boolean().optional(),
  modificationMetadata: z.object({ readOnlyValue: z.boolean().optional() }).optional(),
  options: z.array(z.object({ label: z.string().optional(), value: z.string(), hidden: z.boolean().optional() })).optional(),
});

const property = z.object({
  name: z.string().describe('Internal name: use it in filters, properties and upserts.'),
  label: z.string().optional(),
  type: z.string().describe('string, number, date, datetime, enumeration, bool, …'),
  fieldType: z.string().optional(),
  group: z.string().optional(),
  description: z.string().optional(),
  readOnly: z.boolean().optional().describe('HubSpot sets the value; writes are refused.'),
  unique: z.boolean().optional().describe('Values are unique: usable as idProperty.'),
  options: z.array(z.object({ value: z.string(), label: z.string().optional() })).optional(),
  moreOptions: z.number().optional().describe(`Options not shown (only the first ${MAX_OPTIONS} are).`),
});

const output = z.object({ results: z.array(property), nextCursor: nextCursorField });

export const listProperties = defineHubspotTool({
  name: 'list_properties',
  toolset: 'schema',
  title: 'List properties of an object type',
  description:
    'Lists the properties of one object type (internal name, label, type, group, unique/read-only flags and the ' +
    'values an enumeration accepts), so you know what to filter on in search_crm_objects, what to ask for in ' +
    'properties, and what upsert_crm_object can set. Filter with search (matches name, label or group). Hidden ' +
    `properties are left out unless includeHidden. Returns a page of properties and nextCursor; the first ${MAX_OPTIONS} ` +
    'options of an enumeration.',
  input: z.object({
    objectType,
    search: z.string().min(1).max(100).optional().describe('Only properties whose name, label or group contains this text.'),
    includeHidden: z.boolean().default(false).describe('Include properties hidden in HubSpot\'s UI.'),
    ...pageInput({ defaultLimit: 50, maxLimit: 200 }),
  }),
  output,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    // HubSpot answers every property of the type at once; the pages are ours.
    const { results } = await ctx.hubspot.get(`crm/v3/properties/${input.objectType}`, z.object({ results: z.array(upstreamProperty) }));
    const needle = input.search?.toLowerCase();
    const matching = results.filter(
      (p) =>
        (input.includeHidden || !p.hidden) &&
        (!needle || [p.name, p.label, p.groupName].some((text) => text?.toLowerCase().includes(needle))),
    );
    const { page, nextCursor } = localPage(matching, input.cursor, input.limit);
    return { results: page.map(compactProperty), nextCursor } satisfies z.input<typeof output>;
  },
});

function compactProperty(p: z.output<typeof upstreamProperty>): z.input<typeof property> {
  const options = (p.options ?? []).filter((option) => !option.hidden);
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    group: p.groupName,
    description: p.description ? capText(p.description, 300) : undefined,
    ...(p.modificationMetadata?.readOnlyValue || p.calculated ? { readOnly: true } : {}),
    ...(p.hasUniqueValue ? { unique: true } : {}),
    ...(options.length
      ? { options: options.slice(0, MAX_OPTIONS).map(({ value, label }) => ({ value, label })) }
      : {}),
    ...(options.length > MAX_OPTIONS ? { moreOptions: options.length - MAX_OPTIONS } : {}),
  };
}
