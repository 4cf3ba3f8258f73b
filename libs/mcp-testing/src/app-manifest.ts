import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  needsConfiguration,
  parseServerManifest,
  requiredEnvNames,
  secretEnvNames,
  type ServerManifest,
} from '@sophia/mcp-manifest';

/** The workspace root (where nx.json is), found from this file. */
export function workspaceRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('workspace root (nx.json) not found');
    dir = parent;
  }
  return dir;
}

/** apps/<app>/mcp-server.json, parsed: the declaration the specs read secrets and credentials from. */
export function readAppManifest(app: string): ServerManifest {
  const file = join(workspaceRoot(), 'apps', app, 'mcp-server.json');
  return parseServerManifest(JSON.parse(readFileSync(file, 'utf8')), file);
}

/**
 * What the manifest says about credentials, for the "without credentials" checks: every variable
 * that carries one (secret, required, or part of a credential alternative), and the ones a server
 * without them must name (required ones and every alternative's), empty when it needs none.
 */
export function credentialFacts(manifest: ServerManifest) {
  const alternatives = manifest.credentials.flatMap((group) => group.env);
  const mustName = needsConfiguration(manifest) ? [...new Set([...requiredEnvNames(manifest), ...alternatives])] : [];
  return {
    credentialEnv: [...new Set([...secretEnvNames(manifest), ...requiredEnvNames(manifest), ...alternatives])],
    mustName,
    needsConfiguration: needsConfiguration(manifest),
  };
}

/** `env` without any credential the manifest declares. */
export function withoutCredentials(env: Record<string, string>, manifest: ServerManifest): Record<string, string> {
  const drop = new Set(credentialFacts(manifest).credentialEnv);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !drop.has(name)));
}
