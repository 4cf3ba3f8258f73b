import type { ManifestEntry } from '@sophia/mcp-manifest';
import { CliError } from './cli-error';

/** One server the fleet will run, with everything the later steps need. */
export interface FleetServer {
  name: string;
  port: number;
  /** The variable naming its embedded store's directory (the manifest's deployment.storage.env), if it has one. */
  dataDirEnv?: string;
  /** The container memory limit of its manifest: the V8 heap is sized for it, as in the pod. */
  memoryLimit: string;
}

const shortName = (name: string) => name.replace(/-mcp$/, '');

/**
 * The servers to run, in manifest (directory) order: all of them, or the named ones.
 * Names may be short (`github`) or full (`github-mcp`); an unknown one is a usage error
 * listing every known name, so a typo is fixed at once.
 */
export function selectServers(entries: readonly ManifestEntry[], names: readonly string[]): FleetServer[] {
  const servers = entries.map(({ manifest }): FleetServer => ({
    name: manifest.name,
    port: manifest.port,
    memoryLimit: manifest.deployment.resources.limits.memory,
    ...(manifest.deployment.storage && { dataDirEnv: manifest.deployment.storage.env }),
  }));
  if (servers.length === 0) throw new CliError('no servers found: there is no apps/*/mcp-server.json in this workspace.');
  if (names.length === 0) return servers;

  const fullName = (name: string) => `${shortName(name)}-mcp`;
  const unknown = names.filter((name) => !servers.some((server) => server.name === fullName(name)));
  if (unknown.length) {
    const known = servers.map((server) => `${shortName(server.name)} (${server.name})`).join(', ');
    const list = unknown.map((name) => `"${name}"`).join(', ');
    throw new CliError(`unknown server${unknown.length > 1 ? 's' : ''} ${list}; known servers: ${known}`, 2);
  }
  const wanted = new Set(names.map(fullName));
  return servers.filter((server) => wanted.has(server.name));
}
