import { capText, pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { definePortkeyAdminTool } from '../context';
import { fetchPage, listOutput, rateLimits, rateLimitsOutput, type RawRateLimit, type RawUsageLimits, usageLimits, usageLimitsOutput } from '../paging';

/** Portkey's Workspace schema (GET /admin/workspaces). */
interface PortkeyWorkspace {
  id: string;
  slug?: string;
  name?: string;
  description?: string | null;
  /** A list here, unlike on keys. */
  usage_limits?: RawUsageLimits[] | null;
  rate_limits?: RawRateLimit[] | null;
  created_at?: string;
  last_updated_at?: string;
}

export const listWorkspaces = definePortkeyAdminTool({
  name: 'list_workspaces',
  toolset: 'workspaces',
  title: 'List workspaces',
  description:
    'Lists the Portkey organisation\'s workspaces: id, slug, name, description, budget and rate limits. Use the slug as ' +
    'workspaceId or workspaceSlug in the other tools. Needs an Admin API key with the workspaces.list scope (a ' +
    'Workspace API key cannot list workspaces). Paged with nextCursor.',
  input: z.object({
    name: z.string().min(1).max(200).optional().describe('Only workspaces whose name contains this text.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: listOutput(z.object({
      id: z.string(),
      slug: z.string().optional(),
      name: z.string().optional(),
      description: z.string().optional(),
      usageLimits: z.array(usageLimitsOutput.unwrap()),
      rateLimits: rateLimitsOutput,
      lastUpdatedAt: z.string().optional(),
    })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ name, cursor, limit }, ctx) =>
    fetchPage(ctx.api, 'admin/workspaces', { cursor, limit, query: { name }, scope: 'workspaces.list' }, (workspace: PortkeyWorkspace) => ({
      id: workspace.id,
      slug: workspace.slug,
      name: workspace.name,
      description: workspace.description ? capText(workspace.description, 500) : undefined,
      usageLimits: (workspace.usage_limits ?? []).map((limit) => usageLimits(limit) ?? {}),
      rateLimits: rateLimits(workspace.rate_limits),
      lastUpdatedAt: workspace.last_updated_at ?? workspace.created_at,
    })),
});
