// Helpers for the fleet CLI specs: a throwaway workspace whose servers are the real
// github-mcp bundle under other names and ports, and the CLI run as a real process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPortFree } from '../src/fleet/port-check';

export const REPO_ROOT = resolve(__dirname, '../../..');
const CLI = join(REPO_ROOT, 'tools/mcp-plugin/src/fleet/cli.ts');
const REAL_BUNDLE = join(REPO_ROOT, 'dist/apps/github-mcp/main.js');

let bundleCopy: string | undefined;
const tempDirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** After all tests: the workspaces and the bundle copy go. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The fake servers run the real github-mcp bundle (built once if this checkout has none).
 * They run a private copy, so a concurrent rebuild of dist/ (npm test runs e2e in
 * parallel) never hands a half-written file to a starting server.
 */
export function copyRealBundle(): void {
  if (!existsSync(REAL_BUNDLE)) {
    const build = spawnSync('npx', ['nx', 'build', 'github-mcp'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'inherit',
    });
    if (build.status !== 0 || !existsSync(REAL_BUNDLE)) throw new Error('npx nx build github-mcp failed');
  }
  const dir = tempDir('mcp-fleet-bundle-');
  copyFileSync(REAL_BUNDLE, join(dir, 'main.js'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' })); // it is an ESM bundle
  bundleCopy = join(dir, 'main.js');
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Free ports inside the manifest range (9000-9099), from a random place in its upper part
 * so parallel runs and the real servers (9000-9016) are unlikely to collide.
 */
export async function freeManifestPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  const start = 9040 + Math.floor(Math.random() * 60);
  for (let offset = 0; offset < 60 && ports.length < count; offset += 1) {
    const port = 9040 + ((start - 9040 + offset) % 60);
    if (await isPortFree(port, '127.0.0.1')) ports.push(port);
  }
  if (ports.length < count) throw new Error('no free ports in 9040-9099');
  return ports;
}

/**
 * A workspace root with one app per entry: its manifest and its bundle, which is a link to
 * the copied github-mcp bundle, the given source text, or (bundle: false) missing.
 */
export function fakeWorkspace(servers: Record<string, number>, { bundle = true as boolean | string } = {}): string {
  const root = tempDir('mcp-fleet-');
  for (const [name, port] of Object.entries(servers)) {
    mkdirSync(join(root, 'apps', name), { recursive: true });
    const manifest = { name, title: name, description: `${name} (github-mcp bundle).`, port };
    writeFileSync(join(root, 'apps', name, 'mcp-server.json'), JSON.stringify(manifest));
    if (bundle === false) continue;
    mkdirSync(join(root, 'dist', 'apps', name), { recursive: true });
    const main = join(root, 'dist', 'apps', name, 'main.js');
    // A symlink: node resolves it, so the package.json beside the copy ("type": "module") applies.
    if (bundle === true) {
      if (!bundleCopy) throw new Error('call copyRealBundle() first (in beforeAll)');
      symlinkSync(bundleCopy, main);
    }
    else writeFileSync(main, bundle);
  }
  return root;
}

/** GET a path on a loopback port: status and body, or undefined when nothing answers. */
export function httpGet(port: number, path: string): Promise<{ status?: number; body: string } | undefined> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path, agent: false, timeout: 2000 }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface CliRun {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits until stdout matches and returns the match. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The servers it reported starting: name → pid. */
  pids(): Map<string, number>;
}

const runs: CliRun[] = [];

/** Runs the CLI the way `npm start` does; its stdout is a pipe, so it prints plain lines. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: 'tools/mcp-plugin/tsconfig.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const run: CliRun = {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
    async waitForOutput(pattern, timeoutMs = 60_000) {
      await waitUntil(`CLI output ${pattern}\n--- stdout:\n${out}\n--- stderr:\n${err}`, () => pattern.test(out), timeoutMs);
      return out.match(pattern) as RegExpMatchArray;
    },
    pids: () => new Map([...out.matchAll(/^started (\S+) \(pid (\d+)\)/gm)].map((match) => [match[1], Number(match[2])])),
  };
  runs.push(run);
  return run;
}

/** After each test: whatever a failed test left running is killed (CLI and servers). */
export function killLeftovers(): void {
  for (const run of runs.splice(0)) {
    for (const pid of [run.process.pid, ...run.pids().values()]) {
      if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  }
}

/** A server that answers /readyz like mcp-base but ignores SIGTERM: only SIGKILL ends it. */
export const STUBBORN_SERVER = `
process.on('SIGTERM', () => {});
require('node:http')
  .createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ ready: true, status: 'ready', tools: 1 }));
  })
  .listen(Number(process.env.MCP_PORT), '127.0.0.1');
`;
