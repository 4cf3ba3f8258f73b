import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

interface EnvFacts {
  secret?: boolean;
  required?: boolean;
  esc?: boolean;
}

export interface ServerFacts {
  name: string;
  port: number;
  /** Variables delivered from Pulumi ESC (secret, required or esc), split by whether the pod needs them. */
  requiredKeys: string[];
  optionalKeys: string[];
  storage?: { size: string; mountPath: string; env: string; value: string };
  egressPorts: number[];
  replicas: number;
  autoscale: boolean;
  resources: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
}

/**
 * Every server's manifest facts, read here as plain JSON with the manifest spec's defaults (the
 * plugin validates manifests; these specs check the overlays against what the manifests say).
 */
export function servers(): ServerFacts[] {
  const apps = join(WORKSPACE_ROOT, 'apps');
  return readdirSync(apps)
    .filter((app) => existsSync(join(apps, app, 'mcp-server.json')))
    .map((app) => JSON.parse(readFileSync(join(apps, app, 'mcp-server.json'), 'utf8')))
    .map(({ name, port, env = {}, deployment = {} }) => {
      const delivered = Object.entries(env as Record<string, EnvFacts>).filter(([, entry]) => entry.secret || entry.required || entry.esc);
      return {
        name,
        port,
        requiredKeys: delivered.filter(([, entry]) => entry.required).map(([key]) => key),
        optionalKeys: [...delivered.filter(([, entry]) => !entry.required).map(([key]) => key), ...CLIENT_KEYS],
        storage: deployment.storage,
        egressPorts: deployment.egressPorts ?? [],
        replicas: deployment.replicas ?? 2,
        autoscale: deployment.autoscale ?? true,
        resources: {
          requests: deployment.resources?.requests ?? { cpu: '50m', memory: '96Mi' },
          limits: deployment.resources?.limits ?? { cpu: '500m', memory: '128Mi' },
        },
      };
    });
}

/** Optional client settings every server reads (libs/mcp-base README, "Clients"), fleet-wide or per server in ESC. */
export const CLIENT_KEYS = ['MCP_AUTH_TOKENS', 'MCP_CLIENT_RATE_LIMIT', 'MCP_AUDIT_LEVEL'];

/** The components an overlay must use: the always-on ones plus what its manifest asks for. */
export function expectedComponents(server: ServerFacts): string[] {
  return [
    'external-secret',
    // Every server reads the optional client settings (CLIENT_KEYS) from its optional Secret.
    'external-secret-optional',
    'network-policy',
    'traefik-route',
    ...(server.storage ? ['persistent-storage'] : []),
    ...(server.autoscale ? ['hpa'] : []),
    ...(server.autoscale || server.replicas > 1 ? ['pdb'] : []),
  ];
}

/** Runs a command to completion; the result carries stdout/stderr as text. */
export function exec(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { cwd: WORKSPACE_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Like exec, but a non-zero exit fails with the command's own output. */
export function execOk(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = exec(command, args, options);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}
