import { z } from 'zod';

const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE_CASE environment variable name');
const quantity = z.string().regex(/^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti)?$/, 'must be a Kubernetes quantity such as 100m or 256Mi');

/** One environment variable the app reads (not the MCP_* base settings). */
const envEntrySchema = z
  .object({
    /** One line: what it is, with an example when the format is not obvious. */
    description: z.string().min(1),
    /** Scrubbed from logs and tool results by value; delivered in the cluster from the secret store. */
    secret: z.boolean().default(false),
    /** Must be set for the server to be ready (/readyz 503 and not_configured name it). */
    required: z.boolean().default(false),
    /** Non-secret but per-tenant (e.g. an account or a self-hosted URL): delivered from Pulumi ESC too. */
    esc: z.boolean().default(false),
    /** The default, as documentation (the generated configuration table shows it). */
    default: z.string().optional(),
  })
  .strict();

/** A complete way to authenticate: ready when every variable of ANY one group is set. */
const credentialSchema = z.object({ name: z.string().min(1), env: z.array(envName).min(1) }).strict();

const resourcesSchema = z
  .object({
    requests: z.object({ cpu: quantity, memory: quantity }).strict().default({ cpu: '50m', memory: '96Mi' }),
    limits: z.object({ cpu: quantity, memory: quantity }).strict().default({ cpu: '500m', memory: '128Mi' }),
  })
  .strict();

/** A PersistentVolumeClaim for an embedded store, and the env var that points the app at it. */
const storageSchema = z
  .object({
    size: quantity,
    mountPath: z.string().regex(/^\/[^\s]*$/, 'must be an absolute path'),
    env: envName,
    value: z.string().regex(/^\/[^\s]*$/, 'must be an absolute path'),
  })
  .strict();

const deploymentSchema = z
  .object({
    resources: resourcesSchema.default({ requests: { cpu: '50m', memory: '96Mi' }, limits: { cpu: '500m', memory: '128Mi' } }),
    storage: storageSchema.optional(),
    /** Egress beyond DNS (53) and HTTPS (443), which every server has. */
    egressPorts: z.array(z.number().int().min(1).max(65535)).default([]),
    replicas: z.number().int().min(1).default(2),
    /** HPA + PodDisruptionBudget; false keeps `replicas` fixed. */
    autoscale: z.boolean().default(true),
  })
  .strict();

const writePolicySchema = z
  .object({
    /** "off": tools annotated destructiveHint are served only when MCP_ALLOW_DESTRUCTIVE (or a legacy name) is true. */
    destructive: z.enum(['off', 'on']).default('off'),
    /**
     * The server's default for MCP_READ_ONLY: true serves only read tools unless MCP_READ_ONLY=false
     * (for upstreams whose users expect a read-only server out of the box, e.g. a CRM).
     */
    readOnly: z.boolean().default(false),
    /** Older per-server switches still accepted as MCP_ALLOW_DESTRUCTIVE (read by the base, not the app). */
    legacyEnv: z.array(envName).default([]),
  })
  .strict();

const toolsetName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a snake_case toolset name');

const toolsSchema = z
  .object({
    /**
     * What a client that chooses nothing sees (MCP_TOOLSETS, MCP_TOOLS and the X-MCP-Toolsets /
     * X-MCP-Tools headers all unset), so it does not pay for every tool schema in its context.
     * Omitted: every toolset. `all` (env or header) serves every toolset.
     */
    defaultToolsets: z
      .array(toolsetName.refine((name) => name !== 'all' && name !== 'default', 'all and default are keywords, not toolsets'))
      .min(1)
      .refine((names) => new Set(names).size === names.length, 'lists a toolset twice')
      .optional(),
  })
  .strict();

/**
 * `apps/<name>/mcp-server.json`: the one declaration of a server. The app's main.ts bundles it
 * in (readiness, log scrubbing, upstream default, write policy); tooling derives the ports table,
 * Cursor config, configuration tables and k3s overlays from it.
 */
export const serverManifestSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*-mcp$/, 'must be kebab-case and end in "-mcp"'),
    title: z.string().min(1),
    description: z.string().min(1),
    port: z.number().int().min(9000, 'must be within 9000-9099').max(9099, 'must be within 9000-9099'),
    /** Every environment variable the app's config schema reads, one line each. */
    env: z.record(envName, envEntrySchema).default({}),
    /** Alternatives ("key pair" or "token"); omitted when there is one way (then use required). */
    credentials: z.array(credentialSchema).default([]),
    /** The env var that overrides the upstream base URL, and its default: the one source of it. */
    upstream: z
      .object({
        urlEnv: z.string().regex(/^[A-Z][A-Z0-9_]*_API_URL$/, 'must be named <SERVICE>_API_URL'),
        defaultUrl: z.url(),
      })
      .strict()
      .optional(),
    writePolicy: writePolicySchema.default({ destructive: 'off', readOnly: false, legacyEnv: [] }),
    tools: toolsSchema.default({}),
    deployment: deploymentSchema.default({
      resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      egressPorts: [],
      replicas: 2,
      autoscale: true,
    }),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const declared = (name: string, path: (string | number)[], what: string) => {
      if (!manifest.env[name]) ctx.addIssue({ code: 'custom', path, message: `${what} ${name} must be declared in env` });
    };
    manifest.credentials.forEach((credential, index) =>
      credential.env.forEach((name, at) => {
        declared(name, ['credentials', index, 'env', at], 'credential variable');
        if (manifest.env[name]?.required) {
          ctx.addIssue({
            code: 'custom',
            path: ['credentials', index, 'env', at],
            message: `${name} is one of several alternatives, so it cannot be required`,
          });
        }
      }),
    );
    if (manifest.upstream) {
      const { urlEnv } = manifest.upstream;
      declared(urlEnv, ['upstream', 'urlEnv'], 'upstream variable');
      if (manifest.env[urlEnv]?.default !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['env', urlEnv, 'default'], message: 'the default is upstream.defaultUrl: remove it here' });
      }
    }
    const storage = manifest.deployment.storage;
    if (storage) {
      declared(storage.env, ['deployment', 'storage', 'env'], 'storage variable');
      if (!storage.value.startsWith(storage.mountPath)) {
        ctx.addIssue({ code: 'custom', path: ['deployment', 'storage', 'value'], message: `must be under mountPath ${storage.mountPath}` });
      }
      if (manifest.deployment.replicas !== 1 || manifest.deployment.autoscale) {
        ctx.addIssue({
          code: 'custom',
          path: ['deployment'],
          message: 'an embedded store on a volume has one writer: set replicas 1 and autoscale false',
        });
      }
    }
    for (const [name, entry] of Object.entries(manifest.env)) {
      if (entry.secret && entry.default !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['env', name, 'default'], message: 'a secret has no default' });
      }
    }
    for (const name of manifest.writePolicy.legacyEnv) {
      if (manifest.env[name]) {
        ctx.addIssue({
          code: 'custom',
          path: ['writePolicy', 'legacyEnv'],
          message: `${name} is read by the base as MCP_ALLOW_DESTRUCTIVE: remove it from env and from the app's config`,
        });
      }
    }
  });

export type ServerManifest = z.output<typeof serverManifestSchema>;
export type EnvEntry = ServerManifest['env'][string];

export function parseServerManifest(raw: unknown, source = 'mcp-server.json'): ServerManifest {
  if (raw && typeof raw === 'object' && 'secrets' in raw) {
    throw new Error(
      `Invalid server manifest ${source}: "secrets" was replaced by "env" — declare each variable as ` +
        '"NAME": { "description": "…", "secret": true, "required": true } (see libs/mcp-manifest/README.md)',
    );
  }
  const parsed = serverManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid server manifest ${source}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
