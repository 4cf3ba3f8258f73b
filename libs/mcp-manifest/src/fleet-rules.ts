import type { ServerManifest } from './server-manifest';

/** Ports every server must stay within (DESIGN.md §1). */
export const PORT_RANGE = { min: 9000, max: 9099 } as const;

export interface ManifestEntry {
  /** The app directory name, e.g. "github-mcp". */
  directory: string;
  manifest: ServerManifest;
}

/**
 * Rules across all manifests: each app's name matches its directory, and no two apps
 * share a port. Every message names the apps involved, so the fix is obvious.
 */
export function fleetProblems(entries: readonly ManifestEntry[]): string[] {
  const problems: string[] = [];
  const byPort = new Map<number, string>();
  for (const { directory, manifest } of [...entries].sort((a, b) => a.directory.localeCompare(b.directory))) {
    if (manifest.name !== directory) {
      problems.push(`apps/${directory}/mcp-server.json: name "${manifest.name}" must equal its directory "${directory}"`);
    }
    const holder = byPort.get(manifest.port);
    if (holder) problems.push(`port ${manifest.port} is claimed by both ${holder} and ${manifest.name}`);
    else byPort.set(manifest.port, manifest.name);
  }
  return problems;
}

/** The lowest port in range no manifest uses yet. */
export function nextFreePort(entries: readonly ManifestEntry[]): number {
  const used = new Set(entries.map((entry) => entry.manifest.port));
  for (let port = PORT_RANGE.min; port <= PORT_RANGE.max; port += 1) if (!used.has(port)) return port;
  throw new Error(`no free port left in ${PORT_RANGE.min}-${PORT_RANGE.max}`);
}
