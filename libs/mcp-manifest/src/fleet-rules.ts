import type { ServerManifest } from './server-manifest';

/** Ports every server must stay within (docs/architecture.md §1). */
export const PORT_RANGE = { min: 9000, max: 9099 } as const;

/**
 * The stable ports of the planned fleet (docs/architecture.md §1). Users' Cursor configs point at
 * these, so a planned server may not drift to another port. 9010 is free.
 */
export const PLANNED_PORTS: Readonly<Record<string, number>> = {
  'ai-memory-mcp': 9000,
  'snowflake-mcp': 9001,
  'linear-mcp': 9002,
  'github-mcp': 9003,
  'slack-mcp': 9004,
  'gong-mcp': 9005,
  'ui-ux-agent-mcp': 9006,
  'asana-mcp': 9007,
  'codacy-mcp': 9008,
  'hubspot-mcp': 9009,
  'notion-mcp': 9011,
  'postgres-mcp': 9012,
  'portkey-admin-mcp': 9013,
  'figma-context-mcp': 9014,
  'openrouter-search-mcp': 9015,
  'lambda-labs-mcp': 9016,
};

export interface ManifestEntry {
  /** The app directory name, e.g. "github-mcp". */
  directory: string;
  manifest: ServerManifest;
}

/**
 * Rules across all manifests: each app's name matches its directory, planned servers keep
 * their planned port, and no two apps share a port (new servers must also avoid the ports
 * reserved for planned ones). Every message names the apps involved.
 */
export function fleetProblems(entries: readonly ManifestEntry[]): string[] {
  const problems: string[] = [];
  const byPort = new Map<number, string>();
  for (const { directory, manifest } of [...entries].sort((a, b) => a.directory.localeCompare(b.directory))) {
    if (manifest.name !== directory) {
      problems.push(`apps/${directory}/mcp-server.json: name "${manifest.name}" must equal its directory "${directory}"`);
    }
    const planned = PLANNED_PORTS[manifest.name];
    if (planned !== undefined && planned !== manifest.port) {
      problems.push(`${manifest.name} must stay on its planned port ${planned}, not ${manifest.port}`);
    }
    const reservedFor = Object.entries(PLANNED_PORTS).find(([name, port]) => port === manifest.port && name !== manifest.name);
    if (planned === undefined && reservedFor) {
      problems.push(`port ${manifest.port} of ${manifest.name} is reserved for ${reservedFor[0]}`);
    }
    const holder = byPort.get(manifest.port);
    if (holder) problems.push(`port ${manifest.port} is claimed by both ${holder} and ${manifest.name}`);
    else byPort.set(manifest.port, manifest.name);
  }
  return problems;
}

/** The lowest port in range that no manifest uses and no planned server is reserved. */
export function nextFreePort(entries: readonly ManifestEntry[]): number {
  const used = new Set([...entries.map((entry) => entry.manifest.port), ...Object.values(PLANNED_PORTS)]);
  for (let port = PORT_RANGE.min; port <= PORT_RANGE.max; port += 1) if (!used.has(port)) return port;
  throw new Error(`no free port left in ${PORT_RANGE.min}-${PORT_RANGE.max}`);
}
