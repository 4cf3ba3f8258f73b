import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { definePortkeyAdminTool } from '../context';
import { slugInput } from '../slug';

/** GET /configs/{slug}: the body under `data.config` (plus the config's own fields on newer APIs). */
interface PortkeyConfig {
  name?: string;
  slug?: string;
  status?: string;
  version_id?: string;
  last_updated_at?: string;
  config?: unknown;
}

/** GET /configs/{slug}/versions: one item per version, newest first. */
interface PortkeyConfigVersion {
  version_id?: string;
  status?: string;
  updated_by?: string;
  created_at?: string;
  last_updated_at?: string;
}

/** Config bodies are small; a pathological one is returned as capped text instead. */
const MAX_CONFIG_CHARS = 20_000;

export const getConfig = definePortkeyAdminTool({
  name: 'get_config',
  toolset: 'configs',
  title: 'Get a gateway config with its versions',
  description:
    'Reads one Portkey gateway config by slug: its JSON body (targets, strategy, retry, cache, guardrails) and its ' +
    'version history (version id, status, who changed it, when; newest first, up to versionLimit). Use before ' +
    'update_config to see what will change. Needs the configs.read scope.',
  input: z.object({
    slug: slugInput('config', 'pc-prod-fallback-1a2b3c'),
    versionLimit: z.number().int().min(1).max(100).default(10).describe('Most recent versions to list (1-100, default 10).'),
  }),
  output: z.object({
    slug: z.string(),
    name: z.string().optional(),
    status: z.string().optional(),
    config: z.unknown().optional().describe('The config body as JSON, when it is of reasonable size.'),
    configText: z.string().optional().describe('The config body as capped JSON text, when it is too large to return whole.'),
    versions: z.array(z.object({ versionId: z.string().optional(), status: z.string().optional(), updatedBy: z.string().optional(), createdAt: z.string().optional() })),
    totalVersions: z.number().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ slug, versionLimit }, ctx) => {
    const path = `configs/${encodeURIComponent(slug)}`;
    const [current, history] = await Promise.all([
      ctx.api.get<{ data?: PortkeyConfig }>(path, { scope: 'configs.read' }),
      ctx.api.get<{ total?: number; data?: PortkeyConfigVersion[] }>(`${path}/versions`, { scope: 'configs.read' }),
    ]);
    const config = current.data ?? {};
    const body = JSON.stringify(config.config ?? null);
    return {
      slug,
      name: config.name,
      status: config.status,
      ...(body.length <= MAX_CONFIG_CHARS ? { config: config.config } : { configText: capText(body, MAX_CONFIG_CHARS) }),
      versions: (history.data ?? []).slice(0, versionLimit).map((version) => ({
        versionId: version.version_id,
        status: version.status,
        updatedBy: version.updated_by,
        createdAt: version.created_at ?? version.last_updated_at,
      })),
      totalVersions: history.total ?? history.data?.length,
    };
  },
});
