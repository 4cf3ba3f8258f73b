import { ToolError, capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { objectType, recordId } from '../inputs';
import { upstreamRecord } from '../records';

/** HubSpot-defined association types from a note to the standard objects (v4 association type ids). */
const NOTE_ASSOCIATION_TYPES: Record<string, number> = { contacts: 202, companies: 190, deals: 214, tickets: 228 };

const output = z.object({
  id: z.string().describe('The new note\'s record id (object type notes).'),
  timestamp: z.string().describe('Where the note sits on the record timelines.'),
  body: z.string(),
  associatedWith: z.array(z.object({ objectType: z.string(), id: z.string() })),
});

export const createNote = defineHubspotTool({
  name: 'create_note',
  toolset: 'engagements',
  title: 'Log a note on CRM records',
  description:
    'Logs a note on the timeline of one or more records (contacts, companies, deals, tickets; a custom object with ' +
    'its associationTypeId), e.g. a call summary. Visible to everyone with access to those records; each call ' +
    'creates a new note and is never retried automatically. Returns the note id and the records it is on.',
  input: z.object({
    body: z.string().min(1).max(65_536).describe('Note text (HubSpot also renders simple HTML).'),
    associations: z
      .array(
        z.object({
          objectType,
          id: recordId,
          associationTypeId: z
            .number()
            .int()
            .positive()
            .optional()
            .describe('Note-to-object association type id; needed only for custom objects.'),
          associationCategory: z
            .enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'])
            .optional()
            .describe('Category of associationTypeId (default USER_DEFINED, as for custom objects).'),
        }),
      )
      .min(1)
      .max(20)
      .describe('The records to log the note on.'),
    timestamp: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 timestamp like 2026-01-31T09:30:00Z')
      .optional()
      .describe('When the note happened (ISO 8601); default now.'),
    ownerId: z.string().regex(/^\d{1,20}$/).optional().describe('Owner id (list_owners) shown as the note\'s creator.'),
  }),
  output,
  // A note only adds to a record: served once writes are on (the manifest makes this server read-only
  // by default; MCP_READ_ONLY=false turns writes on).
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const associations = input.associations.map((target) => {
      const typeId = target.associationTypeId ?? NOTE_ASSOCIATION_TYPES[target.objectType];
      if (typeId === undefined) {
        throw ToolError.invalidInput(
          `associations: give associationTypeId for ${target.objectType} (HubSpot defines note associations only for ` +
            `${Object.keys(NOTE_ASSOCIATION_TYPES).join(', ')}).`,
        );
      }
      const category = target.associationTypeId === undefined ? 'HUBSPOT_DEFINED' : (target.associationCategory ?? 'USER_DEFINED');
      return { to: { id: target.id }, types: [{ associationCategory: category, associationTypeId: typeId }] };
    });
    const timestamp = input.timestamp ?? new Date().toISOString();
    const note = await ctx.hubspot.post(
      'crm/v3/objects/notes',
      {
        properties: { hs_note_body: input.body, hs_timestamp: timestamp, hubspot_owner_id: input.ownerId },
        associations,
      },
      upstreamRecord,
    );
    return {
      id: note.id,
      timestamp,
      body: capText(input.body, 500),
      associatedWith: input.associations.map(({ objectType: type, id }) => ({ objectType: type, id })),
    } satisfies z.input<typeof output>;
  },
});
