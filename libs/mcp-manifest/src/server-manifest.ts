import { z } from 'zod';

/**
 * `apps/<name>/mcp-server.json`: the single source of a server's facts. The app's
 * main.ts bundles it in; tooling (ports table, Cursor config, overlays) reads it too.
 */
export const serverManifestSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*-mcp$/, 'must be kebab-case and end in "-mcp"'),
    title: z.string().min(1),
    description: z.string().min(1),
    port: z.number().int().min(9000, 'must be within 9000-9099').max(9099, 'must be within 9000-9099'),
    /** Env vars (= Pulumi ESC environmentVariables keys) the server needs to reach its upstream. */
    secrets: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).default([]),
    /** The env var that overrides the upstream base URL, and its default. */
    upstream: z
      .object({
        urlEnv: z.string().regex(/^[A-Z][A-Z0-9_]*_API_URL$/, 'must be named <SERVICE>_API_URL'),
        defaultUrl: z.url(),
      })
      .optional(),
  })
  .strict();

export type ServerManifest = z.output<typeof serverManifestSchema>;

export function parseServerManifest(raw: unknown, source = 'mcp-server.json'): ServerManifest {
  const parsed = serverManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid server manifest ${source}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
