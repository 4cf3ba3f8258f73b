import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { definePortkeyAdminTool } from '../context';
import { listOutput, pageLocally, workspaceId } from '../paging';

/** One config as GET /configs lists it. */
interface PortkeyConfigSummary {
  id?: string;
  name?: string;
  slug: string;
  workspace_id?: string;
  is_default?: number;
  status?: string;
  last_updated_at?: string;
}

const configOutput = z.object({
  slug: z.string().describe('Use as slug in get_config and update_config.'),
  name: z.string().optional(),
  status: z.string().optional(),
  isDefault: z.boolean(),
  workspaceId: z.string().optional(),
  lastUpdatedAt: z.string().optional(),
});

export const listConfigs = definePortkeyAdminTool({
  name: 'list_configs',
  toolset: 'configs',
  title: 'List gateway configs',
  description:
    'Lists the Portkey gateway configs (routing, fallback, retry and cache rules applied to requests): slug, name, ' +
    'status, whether it is the default, last update. Portkey returns them all at once; this tool pages them for you ' +
    '(nextCursor). Use get_config for a config\'s body and versions. Needs the configs.list scope.',
  input: z.object({ workspaceId, ...pageInput({ defaultLimit: 50 }) }),
  output: listOutput(configOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ workspaceId: workspace, cursor, limit }, ctx) => {
    const body = await ctx.api.get<{ data?: PortkeyConfigSummary[] }>('configs', { query: { workspace_id: workspace }, scope: 'configs.list' });
    return pageLocally(body.data, cursor, limit, (config) => ({
      slug: config.slug,
      name: config.name,
      status: config.status,
      isDefault: config.is_default === 1,
      workspaceId: config.workspace_id,
      lastUpdatedAt: config.last_updated_at,
    }));
  },
});
