// A server under test as a child process: started with exactly its row's environment, timed from
// spawn to its first successful tools/call.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MCP_HEADERS, classify } from './mcp-response.mjs';
import { LOG_DIR, PROFILE_DIR, ROOT, appBundle, echoBundle } from './paths.mjs';
import { freePort, hasExited, tail, track } from './processes.mjs';

/** How often readiness is polled: the resolution of the first-call time. */
const POLL_MS = 5;

/**
 * @typedef {object} ServerProcess
 * @property {import('node:child_process').ChildProcess} child
 * @property {string} base      http://127.0.0.1:<port>
 * @property {string} url       the MCP endpoint
 * @property {string} logFile   the server's stdout and stderr
 * @property {number} firstCallMs  spawn → first successful tools/call
 */

/**
 * @typedef {object} StartOptions
 * @property {string | undefined} upstreamUrl
 * @property {string} dataDir
 * @property {boolean} cpuProf
 * @property {string} logName
 * @property {{ body: string, verify: (text: string) => boolean }} [probe]  the first call (default: the row's own)
 * @property {number} [readyTimeoutMs]
 */

/**
 * Starts the row's server and waits until a tools/call without initialize answers correctly
 * (503 means "not ready yet"; any other wrong answer fails at once: waiting will not fix it).
 * @param {import('./rows/row.mjs').Row} row
 * @param {StartOptions} options
 * @returns {Promise<ServerProcess>}
 */
export async function startServer(row, { upstreamUrl, dataDir, cpuProf, logName, probe = row, readyTimeoutMs = 30_000 }) {
  const port = await freePort();
  const logFile = path.join(LOG_DIR, `${logName}.log`);
  const fd = openSync(logFile, 'w');
  // A directory per server run with Node's own file names (they carry the thread id): a fixed
  // --cpu-prof-name would make every worker thread (PGlite's) overwrite the main thread's profile.
  const profiling = cpuProf ? ['--cpu-prof', '--cpu-prof-dir', path.join(PROFILE_DIR, `${row.key}-${process.pid}-${Date.now()}`)] : [];
  const bundle = row.app ? appBundle(row.app) : echoBundle(row.key);
  const heap = row.app && !row.twinOf ? deployedHeapFlags(row.app) : [];
  const spawned = performance.now();
  const child = track(
    spawn(process.execPath, [...heap, ...profiling, bundle], {
      cwd: ROOT,
      // Exactly this environment: nothing from the shell (no stray MCP_* or tokens).
      env: { PATH: process.env['PATH'] ?? '', ...row.env(upstreamUrl, dataDir), MCP_PORT: String(port), MCP_HOST: '127.0.0.1' },
      // The server writes its logs straight to the file, not through this process.
      stdio: ['ignore', fd, fd],
    }),
  );
  closeSync(fd);
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/mcp`;
  const deadline = spawned + readyTimeoutMs;
  let last = 'no answer';
  for (;;) {
    if (hasExited(child)) throw new Error(`${row.key} exited with ${child.exitCode} on start:\n${tail(logFile)}`);
    /** @type {{ status: number, body: string } | undefined} */
    let answer;
    try {
      const res = await fetch(url, { method: 'POST', headers: MCP_HEADERS, body: probe.body, signal: AbortSignal.timeout(5000) });
      answer = { status: res.status, body: await res.text() };
    } catch (error) {
      const failure = /** @type {Error & { cause?: { code?: string } }} */ (error);
      last = failure.cause?.code ?? failure.message; // not listening yet
    }
    if (answer) {
      const outcome = classify(answer.status, answer.body, probe.verify);
      if (outcome === 'ok') return { child, base, url, logFile, firstCallMs: performance.now() - spawned };
      last = `${outcome}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`;
      if (answer.status !== 503) throw new Error(`${row.key} answers tools/call wrongly: ${last}\n${tail(logFile)}`);
    }
    if (performance.now() > deadline) throw new Error(`${row.key} not ready within ${readyTimeoutMs / 1000} s (${last}):\n${tail(logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The V8 heap flags an app's pod runs with: the NODE_OPTIONS its generated k3s overlay sets from the
 * manifest's memory limit (tools/mcp-plugin/src/node-heap.ts), so the bench measures what is deployed.
 * @param {string} app
 * @returns {string[]}
 */
export function deployedHeapFlags(app) {
  const overlay = path.join(ROOT, 'k3s', 'overlays', app, 'kustomization.yaml');
  const value = existsSync(overlay) ? /\{ name: NODE_OPTIONS, value: "?([^"}]*?)"? \}/.exec(readFileSync(overlay, 'utf8'))?.[1] : undefined;
  if (!value) throw new Error(`${app}: no NODE_OPTIONS in ${path.relative(ROOT, overlay)}; regenerate the overlays with npx nx sync`);
  return value.trim().split(/\s+/);
}
