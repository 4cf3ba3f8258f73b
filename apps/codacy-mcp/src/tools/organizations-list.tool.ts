import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { provider } from '../inputs';
import { orNull, pageOutput } from '../shapes/common';

/** Codacy's Organization, as listUserOrganizations returns it. */
interface CodacyOrganization {
  name: string;
  provider: string;
  remoteIdentifier?: string;
  identifier?: number;
  type?: string;
  joinStatus?: string;
}

const organizationOutput = z.object({
  name: z.string().describe('Use as organization in the other tools.'),
  provider: z.string(),
  type: z.string().nullable().describe('Organization or Account (a personal account).'),
  joinStatus: z.string().nullable().describe('Whether the token\'s user is a member (e.g. member, pendingMembership).'),
});

export const listOrganizations = defineCodacyTool({
  name: 'list_organizations',
  toolset: 'organizations',
  title: 'List organizations',
  description:
    'Lists the Codacy organizations the token\'s user belongs to (name, provider, type, membership), optionally for one ' +
    'git provider. Start here to learn the provider and organization names the other tools take. Up to 100 per page, ' +
    'with nextCursor.',
  input: z.object({
    provider: provider.optional().describe('Only organizations of this git provider (gh, gl, bb, ghe, gle, bbe); omit for all.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(organizationOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.page<CodacyOrganization>('get', input.provider ? `user/organizations/${input.provider}` : 'user/organizations', input);
    return {
      ...page,
      items: page.items.map((organization) => ({
        name: organization.name,
        provider: organization.provider,
        type: orNull(organization.type),
        joinStatus: orNull(organization.joinStatus),
      })),
    };
  },
});
