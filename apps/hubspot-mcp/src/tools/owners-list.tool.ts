import { pageInput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { nextCursorField, upstreamPaging } from '../records';

const upstreamOwners = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      email: z.string().nullable().optional(),
      firstName: z.string().nullable().optional(),
      lastName: z.string().nullable().optional(),
      userId: z.number().nullable().optional(),
      archived: z.boolean().optional(),
      teams: z.array(z.object({ id: z.string(), name: z.string(), primary: z.boolean().optional() })).optional(),
    }),
  ),
  paging: upstreamPaging,
});

const output = z.object({
  results: z.array(
    z.object({
      id: z.string().describe('Owner id: the value of hubspot_owner_id on records.'),
      email: z.string().nullable(),
      name: z.string().nullable(),
      userId: z.number().nullable(),
      teams: z.array(z.string()),
      archived: z.boolean().optional(),
    }),
  ),
  nextCursor: nextCursorField,
});

export const listOwners = defineHubspotTool({
  name: 'list_owners',
  toolset: 'owners',
  title: 'List owners',
  description:
    'Lists the HubSpot users who can own records (owner id, email, name, teams). Use it to turn a ' +
    'hubspot_owner_id into a person, or to find the owner id to filter on or assign. Filter by exact email. ' +
    'Returns a page of owners and nextCursor; up to 100 per page.',
  input: z.object({
    email: z.string().email().max(254).optional().describe('Only the owner with this email address.'),
    archived: z.boolean().default(false).describe('List deactivated owners instead of active ones.'),
    ...pageInput({ defaultLimit: 50, maxLimit: 100 }),
  }),
  output,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.hubspot.get('crm/v3/owners', upstreamOwners, {
      email: input.email,
      archived: input.archived,
      limit: input.limit,
      after: tokenCursor.read(input.cursor),
    });
    return {
      results: page.results.map((owner) => ({
        id: owner.id,
        email: owner.email ?? null,
        name: [owner.firstName, owner.lastName].filter(Boolean).join(' ') || null,
        userId: owner.userId ?? null,
        teams: (owner.teams ?? []).map((team) => team.name),
        ...(owner.archived ? { archived: true } : {}),
      })),
      nextCursor: tokenCursor.next(page.paging?.next?.after),
    } satisfies z.input<typeof output>;
  },
});
