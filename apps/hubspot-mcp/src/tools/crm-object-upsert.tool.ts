import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { objectType, propertyName } from '../inputs';
import { compactRecord, crmRecord, upstreamRecord } from '../records';

const upstreamUpsert = z.object({
  results: z.array(upstreamRecord.extend({ new: z.boolean().optional() })),
  errors: z.array(z.object({ message: z.string().optional(), category: z.string().optional() })).optional(),
});

const output = z.object({
  action: z.enum(['created', 'updated']),
  record: crmRecord,
});

export const upsertCrmObject = defineHubspotTool({
  name: 'upsert_crm_object',
  toolset: 'crm',
  title: 'Create or update a CRM record',
  description:
    'Creates a record, or updates one, setting the given properties (internal names from list_properties; ' +
    'properties not given are left as they are). Without id: creates a new record. With id: updates that record ' +
    '(an error if it does not exist). With id and idProperty (a unique property such as email for contacts): ' +
    'updates the record with that value or creates it, so repeating the call does not make duplicates. ' +
    'Overwrites existing values, and is never retried automatically. Returns created or updated and the record ' +
    'with the properties that were set.',
  input: z
    .object({
      objectType,
      properties: z
        .record(propertyName, z.union([z.string().max(65_536), z.number(), z.boolean()]))
        .refine((properties) => Object.keys(properties).length > 0 && Object.keys(properties).length <= 100, {
          message: 'give 1 to 100 properties',
        })
        .describe('Property values to set, by internal name, e.g. { "email": "ada@example.com", "lifecyclestage": "lead" }.'),
      id: z
        .string()
        .min(1)
        .max(400)
        .optional()
        .describe('Record id to update; with idProperty, the unique value to match (e.g. an email address).'),
      idProperty: propertyName
        .optional()
        .describe('A unique-value property that id refers to: the record with that value is updated, or created.'),
    })
    .superRefine((input, ctx) => {
      if (input.idProperty && !input.id) ctx.addIssue({ code: 'custom', path: ['id'], message: 'idProperty needs id (the value to match)' });
      if (input.id && !input.idProperty && !/^\d{1,20}$/.test(input.id)) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: 'a numeric record id, or give idProperty for a unique value such as an email' });
      }
    }),
  output,
  // Destructive: an update overwrites the values the record had (and the fleet's policy serves it only on opt-in).
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const base = `crm/v3/objects/${input.objectType}`;
    const properties = Object.fromEntries(Object.entries(input.properties).map(([name, value]) => [name, String(value)]));
    if (!input.id) {
      const record = await ctx.hubspot.post(base, { properties }, upstreamRecord);
      return { action: 'created', record: compactRecord(record) } satisfies z.input<typeof output>;
    }
    if (!input.idProperty) {
      const record = await ctx.hubspot.patch(`${base}/${input.id}`, { properties }, upstreamRecord);
      return { action: 'updated', record: compactRecord(record) } satisfies z.input<typeof output>;
    }
    const batch = await ctx.hubspot.post(
      `${base}/batch/upsert`,
      { inputs: [{ id: input.id, idProperty: input.idProperty, properties }] },
      upstreamUpsert,
    );
    const record = batch.results[0];
    if (!record) {
      const reason = batch.errors?.map((error) => error.message ?? error.category).join('; ') || 'no record in the answer';
      throw new ToolError('upstream_error', `HubSpot did not upsert the record: ${reason}.`);
    }
    return { action: record.new ? 'created' : 'updated', record: compactRecord(record) } satisfies z.input<typeof output>;
  },
});
