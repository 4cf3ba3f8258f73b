import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

export interface ServerFacts {
  name: string;
  port: number;
  secrets: string[];
}

/** Every server's manifest facts (the plugin validates manifests; here they are only read). */
export function servers(): ServerFacts[] {
  const apps = join(WORKSPACE_ROOT, 'apps');
  return readdirSync(apps)
    .filter((app) => existsSync(join(apps, app, 'mcp-server.json')))
    .map((app) => JSON.parse(readFileSync(join(apps, app, 'mcp-server.json'), 'utf8')))
    .map(({ name, port, secrets = [] }) => ({ name, port, secrets }));
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
