import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error';
import type { FleetServer } from './select-servers';

/** Where a server's esbuild bundle lands (the build target's outputPath). */
export const bundlePath = (root: string, name: string) => join(root, 'dist', 'apps', name, 'main.js');

export const buildCommand = (servers: readonly FleetServer[]) =>
  `npx nx run-many -t build --projects=${servers.map((server) => server.name).join(',')}`;

/** Builds the selected bundles through Nx (cached: unchanged apps cost nothing), output shown as it runs. */
export function buildBundles(root: string, servers: readonly FleetServer[]): Promise<void> {
  const command = buildCommand(servers);
  process.stdout.write(`building: ${command}\n`);
  return new Promise((resolve, reject) => {
    const [program, ...args] = command.split(' ');
    // No stdin and no TUI: Nx then never stops to ask a question (its first-run usage-data
    // prompt) nor takes over the screen; its output still shows as it runs.
    const build = spawn(program, args, {
      cwd: root,
      env: { ...process.env, NX_TUI: 'false' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    build.once('error', (error) => reject(new CliError(`could not run ${command}: ${error.message}`)));
    build.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new CliError(`the build failed (${signal ?? `exit code ${code}`}): ${command}`));
    });
  });
}

/** With --no-build: fails, naming the command that makes them, when a bundle is missing. */
export function assertBundlesExist(root: string, servers: readonly FleetServer[]): void {
  const missing = servers.filter((server) => !existsSync(bundlePath(root, server.name)));
  if (missing.length === 0) return;
  const files = missing.map((server) => bundlePath(root, server.name)).join(', ');
  throw new CliError(`missing bundle ${files}: build it with ${buildCommand(missing)} (or drop --no-build)`);
}
