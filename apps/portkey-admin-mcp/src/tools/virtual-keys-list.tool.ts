import { capText, pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { definePortkeyAdminTool } from '../context';
import { fetchPage, listOutput, rateLimits, rateLimitsOutput, type RawRateLimit, type RawUsageLimits, usageLimits, usageLimitsOutput, workspaceId } from '../paging';

/** Portkey's VirtualKeys schema (GET /virtual-keys). */
interface PortkeyVirtualKey {
  slug: string;
  name?: string;
  note?: string | null;
  status?: string;
  usage_limits?: RawUsageLimits | null;
  rate_limits?: RawRateLimit[] | null;
  expires_at?: string | null;
  created_at?: string;
}

export const listVirtualKeys = definePortkeyAdminTool({
  name: 'list_virtual_keys',
  toolset: 'keys',
  title: 'List virtual keys',
  description:
    'Lists Portkey virtual keys (provider credentials stored in Portkey\'s vault): slug, name, status (active, or ' +
    'exhausted when its budget is used up), budget (credit limit, alert threshold, periodic reset), rate limits and ' +
    'expiry. Portkey deprecates virtual keys in favour of Providers, but existing ones keep working. Paged with ' +
    'nextCursor. Needs the virtual_keys.list scope.',
  input: z.object({ workspaceId, ...pageInput({ defaultLimit: 50 }) }),
  output: listOutput(z.object({
      slug: z.string(),
      name: z.string().optional(),
      status: z.string().optional(),
      note: z.string().optional(),
      usageLimits: usageLimitsOutput,
      rateLimits: rateLimitsOutput,
      expiresAt: z.string().optional(),
      createdAt: z.string().optional(),
    })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ workspaceId: workspace, cursor, limit }, ctx) =>
    fetchPage(ctx.api, 'virtual-keys', { cursor, limit, query: { workspace_id: workspace }, scope: 'virtual_keys.list' }, (key: PortkeyVirtualKey) => ({
      slug: key.slug,
      name: key.name,
      status: key.status,
      note: key.note ? capText(key.note, 300) : undefined,
      usageLimits: usageLimits(key.usage_limits),
      rateLimits: rateLimits(key.rate_limits),
      expiresAt: key.expires_at ?? undefined,
      createdAt: key.created_at,
    })),
});
