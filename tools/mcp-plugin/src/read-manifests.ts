import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fleetProblems, parseServerManifest, type ManifestEntry } from '@sophia/mcp-manifest';

/** Where a server's manifest lives, relative to the workspace root. */
export const manifestPath = (app: string) => `apps/${app}/mcp-server.json`;

/** Parses one manifest file's text; the error names the file. */
export function parseManifestFile(file: string, text: string): ManifestEntry {
  const directory = file.split('/').at(-2) ?? file;
  return { directory, manifest: parseServerManifest(JSON.parse(text), file) };
}

/** Throws one error listing every fleet-wide problem (duplicate ports, names), if any. */
export function assertFleet(entries: readonly ManifestEntry[]): void {
  const problems = fleetProblems(entries);
  if (problems.length) throw new Error(`MCP server manifests are inconsistent:\n  ${problems.join('\n  ')}`);
}

/** Every app's manifest in a workspace on disk, validated together. */
export function readManifests(root: string): ManifestEntry[] {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  const entries = readdirSync(appsDir)
    .filter((app) => existsSync(join(root, manifestPath(app))))
    .map((app) => parseManifestFile(manifestPath(app), readFileSync(join(root, manifestPath(app)), 'utf8')));
  assertFleet(entries);
  return entries;
}
