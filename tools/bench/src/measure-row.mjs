// One round of one row: start its fake upstream and its server (timing the first call and the idle
// RSS), load it at each connection level (timing the fake too, sampling RSS), stop both.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runLoad } from './load.mjs';
import { log } from './log.mjs';
import { MCP_HEADERS, classify } from './mcp-response.mjs';
import { rssMb, sampleRssPeak } from './memory.mjs';
import { percentile } from './stats.mjs';
import { startFakeUpstream } from './fake-upstream-process.mjs';
import { DATA_DIR, relative } from './paths.mjs';
import { stopChild } from './processes.mjs';
import { startServer } from './server-process.mjs';

/** @typedef {import('./rows/row.mjs').Row} Row */

/**
 * @typedef {object} LevelResult
 * @property {number} rps
 * @property {number} p50
 * @property {number} p99
 * @property {number} responses
 * @property {number} errors
 * @property {number} upstreamMsPerCall   the fake's busy time per call (NaN without a fake)
 * @property {number} upstreamRequestsPerCall
 * @property {number} upstreamConnectionsPerCall  TCP connections the server opened to the fake, per call
 */

/**
 * @typedef {object} RoundResult
 * @property {Record<number, LevelResult>} levels  by connections
 * @property {number} firstCallMs
 * @property {number} rssIdleMb
 * @property {number} rssLoadedMb  peak under the highest level
 * @property {number} errors
 * @property {string[]} errorReports
 */

/** Where a row's embedded store lives for the whole run. */
const dataDirOf = (/** @type {Row} */ row) => path.join(DATA_DIR, row.key);

/** Idle means after the first call, once start-up work has settled. */
const IDLE_SETTLE_MS = 500;

/**
 * An embedded store is created and seeded once, before the rounds (PGlite's initdb is not what a
 * restarted pod pays); every round then starts on it as a pod restart does.
 * @param {Row} row
 * @param {{ cpuProf: boolean }} options
 */
export async function primeEmbeddedStore(row, options) {
  const dataDir = dataDirOf(row);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const [first, ...rest] = row.setup;
  const probe = first ? { body: first, verify: () => true } : row;
  const server = await startServer(row, { upstreamUrl: undefined, dataDir, cpuProf: false, logName: `${row.key}-prime`, probe, readyTimeoutMs: 180_000 });
  try {
    for (const body of rest) {
      const res = await fetch(server.url, { method: 'POST', headers: MCP_HEADERS, body, signal: AbortSignal.timeout(30_000) });
      const outcome = classify(res.status, await res.text(), () => true);
      if (outcome !== 'ok') throw new Error(`${row.key}: seeding call failed (${outcome}): ${body}`);
    }
    log(`  ${row.key}: store created in ${relative(dataDir)} and seeded with ${row.setup.length} calls (${(server.firstCallMs / 1000).toFixed(1)} s to the first)`);
  } finally {
    await stopChild(server.child, options.cpuProf ? 30_000 : 10_000);
  }
}

/**
 * @param {Row} row
 * @param {{ connections: number[], warmup: number, duration: number, cpuProf: boolean }} options
 * @param {number} round
 * @returns {Promise<RoundResult>}
 */
export async function measureRowRound(row, options, round) {
  const fake = row.upstream && row.app ? await startFakeUpstream(row.app) : undefined;
  /** @type {import('./server-process.mjs').ServerProcess | undefined} */
  let server;
  try {
    server = await startServer(row, { upstreamUrl: fake?.url, dataDir: dataDirOf(row), cpuProf: options.cpuProf, logName: `${row.key}-round${round}` });
    await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
    const rssIdleMb = rssMb(server.child.pid);
    /** @type {Record<number, LevelResult>} */
    const levels = {};
    let errors = 0;
    /** @type {string[]} */
    const errorReports = [];
    let rssLoadedMb = NaN;
    const highest = Math.max(...options.connections);
    for (const connections of options.connections) {
      const peak = sampleRssPeak(server.child.pid);
      const load = await runLoad({ url: server.url, body: row.body, verify: row.verify, connections, warmup: options.warmup, duration: options.duration });
      const peakMb = peak.stop();
      if (connections === highest) rssLoadedMb = peakMb;
      const ok = load.counts.ok;
      const upstream = fake ? await fake.window(load.from, load.to) : undefined;
      // Counted by outcome: a response answered right at the warm-up boundary may be timed in the window
      // but classified in the warm-up (two clock reads), which is no error of the server's.
      const levelErrors = load.wrong + load.socketErrors + load.warmupErrors + (load.sorted.length ? 0 : 1);
      if (levelErrors) {
        errors += levelErrors;
        errorReports.push(`${connections} conn: ${JSON.stringify(load.counts)} socket errors/timeouts ${load.socketErrors}, warm-up errors ${load.warmupErrors}; first: ${load.firstError ?? (load.sorted.length ? '(socket error)' : 'no response in the measured window')}`);
      }
      levels[connections] = {
        rps: load.sorted.length / load.seconds,
        p50: percentile(load.sorted, 50),
        p99: percentile(load.sorted, 99),
        responses: load.sorted.length,
        errors: levelErrors,
        upstreamMsPerCall: upstream && ok ? upstream.busyMs / ok : NaN,
        upstreamRequestsPerCall: upstream && ok ? upstream.requests / ok : NaN,
        upstreamConnectionsPerCall: upstream && ok ? upstream.connections / ok : NaN,
      };
    }
    const metrics = row.observable ? await toolCallMetrics(server.base) : '';
    await stopChild(server.child, options.cpuProf ? 30_000 : 5000);
    const logLines = row.observable ? toolCallLogLines(server.logFile) : '';
    log(
      `  ${row.key.padEnd(22)} first call ${server.firstCallMs.toFixed(0)} ms, RSS ${rssIdleMb.toFixed(0)} → ${rssLoadedMb.toFixed(0)} MB; ` +
        options.connections
          .map((connections) => {
            const level = /** @type {LevelResult} */ (levels[connections]);
            const upstream = Number.isFinite(level.upstreamMsPerCall) ? `, upstream ${level.upstreamMsPerCall.toFixed(2)} ms/call (${level.upstreamRequestsPerCall.toFixed(1)} req, ${level.upstreamConnectionsPerCall.toFixed(2)} new conn)` : '';
            return `@${connections}: ${level.rps.toFixed(0)} req/s p50 ${level.p50.toFixed(2)} ms${upstream}`;
          })
          .join('; ') +
        (metrics ? `; ${metrics}` : '') +
        (logLines ? `; ${logLines}` : ''),
    );
    for (const report of errorReports) log(`  !! ${row.key}: ${report}`);
    return { levels, firstCallMs: server.firstCallMs, rssIdleMb, rssLoadedMb, errors, errorReports };
  } finally {
    if (server) await stopChild(server.child, 2000);
    await fake?.stop();
  }
}

/** The tool-call counter of /metrics (proof the metrics are on and counted every call). */
async function toolCallMetrics(/** @type {string} */ base) {
  try {
    const text = await (await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(3000) })).text();
    const calls = text
      .split('\n')
      .filter((line) => line.startsWith('mcp_tool_calls_total{'))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    return `${calls} calls in /metrics`;
  } catch (error) {
    return `(metrics unavailable: ${/** @type {Error} */ (error).message})`;
  }
}

/** The "tool call" lines of the log and of the audit log: one each per call when logging is really on. */
function toolCallLogLines(/** @type {string} */ file) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('"msg":"tool call"'));
  const audit = lines.filter((line) => line.includes('"name":"audit"')).length;
  // One line per call: the audit line is the call's log line when both go to stdout (the default).
  return `"tool call" log lines: ${lines.length} (${audit} of them audit lines)`;
}
