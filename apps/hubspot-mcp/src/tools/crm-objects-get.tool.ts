import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { objectType, propertyName, propertyNames } from '../inputs';
import { compactRecord, crmRecord, upstreamRecord } from '../records';

/** HubSpot's batch read takes up to 100 ids per request. */
const MAX_IDS = 100;

/**
 * The batch read answers 200, or 207 when some ids were not found; those come in `errors` as
 * `{ category: 'OBJECT_NOT_FOUND', context: { ids: [...] } }`.
 */
const upstreamBatch = z.object({
  results: z.array(upstreamRecord),
  errors: z
    .array(z.object({ category: z.string().optional(), message: z.string().optional(), context: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});

const output = z.object({
  results: z.array(crmRecord),
  notFound: z.array(z.string()).describe('Requested ids (or unique values) HubSpot has no record for.'),
  errors: z.array(z.string()).optional().describe('Other per-record problems HubSpot reported.'),
});

export const getCrmObjects = defineHubspotTool({
  name: 'get_crm_objects',
  toolset: 'crm',
  title: 'Get CRM records by id',
  description:
    `Reads up to ${MAX_IDS} records of one object type at once, by record id or by the value of a unique property ` +
    '(idProperty, e.g. email for contacts). Use it after a search or association lookup to read the properties you ' +
    'need. Returns the records found (id, properties, dates) and notFound: the ids HubSpot has no record for.',
  input: z.object({
    objectType,
    ids: z
      .array(z.string().min(1).max(400))
      .min(1)
      .max(MAX_IDS)
      .describe('Record ids, or values of idProperty when it is given (e.g. email addresses).'),
    idProperty: propertyName
      .optional()
      .describe('A unique-value property the ids refer to instead of the record id, e.g. "email" for contacts.'),
    properties: propertyNames,
  }),
  output,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const batch = await ctx.hubspot.post(
      `crm/v3/objects/${input.objectType}/batch/read`,
      {
        inputs: input.ids.map((id) => ({ id })),
        idProperty: input.idProperty,
        properties: input.properties ?? [],
      },
      upstreamBatch,
    );
    const notFound = (batch.errors ?? [])
      .filter((error) => error.category === 'OBJECT_NOT_FOUND')
      .flatMap((error) => (Array.isArray(error.context?.['ids']) ? error.context['ids'].map(String) : []));
    const errors = (batch.errors ?? [])
      .filter((error) => error.category !== 'OBJECT_NOT_FOUND')
      .map((error) => error.message ?? error.category ?? 'unknown error');
    return {
      results: batch.results.map(compactRecord),
      notFound,
      ...(errors.length ? { errors } : {}),
    } satisfies z.input<typeof output>;
  },
});
