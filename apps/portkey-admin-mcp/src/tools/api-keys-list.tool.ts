import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { definePortkeyAdminTool } from '../context';
import { fetchPage, listOutput, rateLimits, rateLimitsOutput, type RawRateLimit, type RawUsageLimits, usageLimits, usageLimitsOutput, workspaceId } from '../paging';

/** Portkey's ApiKeyObject (GET /api-keys); `key` is masked by Portkey and never returned here. */
interface PortkeyApiKey {
  id: string;
  name?: string;
  type?: string;
  status?: string;
  workspace_id?: string;
  scopes?: string[];
  usage_limits?: RawUsageLimits | null;
  rate_limits?: RawRateLimit[] | null;
  expires_at?: string | null;
  last_updated_at?: string;
}

export const listApiKeys = definePortkeyAdminTool({
  name: 'list_api_keys',
  toolset: 'keys',
  title: 'List API keys',
  description:
    'Lists Portkey API keys (never their values): id, name, type (organisation-service, workspace-service, ' +
    'workspace-user), status, workspace, scopes, budget, rate limits and expiry. Use it to audit what a key may do or ' +
    'when it expires. Paged with nextCursor. Needs the API key list scopes (organisation_service_api_keys.list / ' +
    'workspace_service_api_keys.list).',
  input: z.object({ workspaceId, ...pageInput({ defaultLimit: 50 }) }),
  output: listOutput(z.object({
      id: z.string(),
      name: z.string().optional(),
      type: z.string().optional(),
      status: z.string().optional(),
      workspaceId: z.string().optional(),
      scopes: z.array(z.string()),
      usageLimits: usageLimitsOutput,
      rateLimits: rateLimitsOutput,
      expiresAt: z.string().optional().describe('Absent: the key does not expire.'),
      lastUpdatedAt: z.string().optional(),
    })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ workspaceId: workspace, cursor, limit }, ctx) =>
    fetchPage(ctx.api, 'api-keys', { cursor, limit, query: { workspace_id: workspace }, scope: 'organisation_service_api_keys.list (or workspace_service_api_keys.list)' }, (key: PortkeyApiKey) => ({
      id: key.id,
      name: key.name,
      type: key.type,
      status: key.status,
      workspaceId: key.workspace_id,
      scopes: key.scopes ?? [],
      usageLimits: usageLimits(key.usage_limits),
      rateLimits: rateLimits(key.rate_limits),
      expiresAt: key.expires_at ?? undefined,
      lastUpdatedAt: key.last_updated_at,
    })),
});
