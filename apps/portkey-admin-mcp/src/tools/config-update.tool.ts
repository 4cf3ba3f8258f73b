import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { definePortkeyAdminTool } from '../context';
import { slugInput } from '../slug';

export const updateConfig = definePortkeyAdminTool({
  name: 'update_config',
  toolset: 'configs',
  title: 'Update a gateway config',
  description:
    'Changes a Portkey gateway config: its body (the whole JSON replaces the current one), name or status. Every update ' +
    'creates a new version, and its versionId is returned (get_config lists the versions). Live traffic that uses the ' +
    'config follows the new body at once, so read it with get_config first and change only what the user asked. ' +
    'Served only when the server runs with MCP_ALLOW_DESTRUCTIVE=true; sent once, never retried. Needs configs.update.',
  input: z.object({
    slug: slugInput('config', 'pc-prod-fallback-1a2b3c'),
    config: z.record(z.string(), z.unknown()).optional().describe('The full new config body, e.g. { "retry": { "attempts": 3 }, "targets": [...] }.'),
    name: z.string().min(1).max(200).optional().describe('A new display name.'),
    status: z.string().min(1).max(50).optional().describe('A new status, e.g. "active".'),
  }),
  output: z.object({ slug: z.string(), versionId: z.string().describe('The version this update created.') }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: async ({ slug, config, name, status }, ctx) => {
    if (config === undefined && name === undefined && status === undefined) {
      throw new ToolError('invalid_input', 'Nothing to update: pass config, name or status.');
    }
    const body = await ctx.api.put<{ data?: { version_id?: string } }>(`configs/${encodeURIComponent(slug)}`, {
      json: { config, name, status },
      scope: 'configs.update',
    });
    const versionId = body?.data?.version_id;
    if (!versionId) throw new ToolError('upstream_error', `Portkey accepted the update of ${slug} but returned no version_id; check it with get_config.`);
    return { slug, versionId };
  },
});
