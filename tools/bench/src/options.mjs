// The command line of `npm run bench`: options, their environment variables, and --help.
import { parseArgs } from 'node:util';
import { ROWS } from './rows/index.mjs';

export const HELP = `Usage: npm run bench -- [options]

Measures MCP tools/call over stateless Streamable HTTP (POST /mcp, no initialize, protocol
2025-11-25), each server its own child process on 127.0.0.1, loaded by autocannon from this
process, in interleaved rounds (every row once per round), medians over the rounds:
  echo rows: the same echo tool on each framework (servers/*.ts, built by the bench)
${ROWS.filter((row) => row.kind === 'echo').map((row) => `    ${row.key.padEnd(22)} ${row.label}`).join('\n')}
  app rows: the app's most typical read tool, its production bundle dist/apps/<app>/main.js,
  against a fake of its upstream (servers/upstreams/<app>.ts) that times itself
${ROWS.filter((row) => row.kind === 'app').map((row) => `    ${row.key.padEnd(22)} ${row.tool}`).join('\n')}
Every response is checked (HTTP 200, no JSON-RPC error, no isError, the expected content); the
run exits 1 if any was wrong.

Columns: req/s and p50/p99 at each --connections level; × ${'sdk-v2'} = req/s over the SDK v2
row's at the highest level; upstream = the fake's busy time per call at the lowest level;
overhead = p50 − upstream there; first call = spawn → first successful tools/call; RSS idle
(after the first call) → peak under the highest level.

Options (environment variable in brackets):
  --rounds <n>          interleaved rounds; medians over them  [BENCH_ROUNDS]      default 3
  --duration <s>        measured seconds per level and round   [BENCH_DURATION]    default 2
  --warmup <s>          unmeasured seconds before each level   [BENCH_WARMUP]      default 1
  --connections <list>  concurrent clients, one level each     [BENCH_CONNECTIONS] default 1,16
  --servers <list>      rows by key, e.g. sdk-v2,mcp-base,github-mcp
                                                               [BENCH_SERVERS]     default: all
  --build               rebuild the app bundles (npx nx run-many -t build) even when present;
                        default: build only the missing ones
  --heap-compare        also run each app row with V8's default heap (no --max-semi-space-size /
                        --max-old-space-size), as a twin row <app>+v8-defaults, and print the
                        throughput the deployed heap flags keep (issue 14: ≥ 0.9×)
  --cpu-prof            run the servers under node --cpu-prof (numbers not comparable); profiles
                        in tmp/bench/profiles/<row>-<run>/ (a file per thread), summarise with
                        node tools/bench/src/profile-summary.mjs <file> --requests <n>
  -h, --help            this text

Outputs: bench bundles in tmp/bench/build/, server logs in tmp/bench/logs/<row>.log, embedded
stores in tmp/bench/data/ (fresh each run).`;

/**
 * @typedef {object} Options
 * @property {boolean} help
 * @property {number} rounds
 * @property {number} duration
 * @property {number} warmup
 * @property {number[]} connections  ascending
 * @property {string[]} servers      row keys
 * @property {boolean} build
 * @property {boolean} cpuProf
 * @property {boolean} heapCompare
 */

/**
 * @param {string} name
 * @param {string | undefined} raw
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
function number(name, raw, fallback, min, max) {
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max} (got ${raw})`);
  return value;
}

const list = (/** @type {string} */ raw) => raw.split(',').map((item) => item.trim()).filter(Boolean);

/**
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {Options}
 */
export function parseOptions(argv, env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      servers: { type: 'string' },
      build: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'heap-compare': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const connections = list(values.connections ?? env['BENCH_CONNECTIONS'] ?? '1,16').map((level) => Math.round(number('connections', level, 1, 1, 1024)));
  const servers = list(values.servers ?? env['BENCH_SERVERS'] ?? ROWS.map((row) => row.key).join(','));
  for (const name of servers) {
    if (!ROWS.some((row) => row.key === name)) throw new Error(`--servers: unknown row "${name}" (rows: ${ROWS.map((row) => row.key).join(', ')})`);
  }
  if (!connections.length) throw new Error('--connections: give at least one level, e.g. 1,16');
  return {
    help: values.help ?? false,
    rounds: Math.round(number('rounds', values.rounds ?? env['BENCH_ROUNDS'], 3, 1, 20)),
    duration: number('duration', values.duration ?? env['BENCH_DURATION'], 2, 1, 120),
    warmup: number('warmup', values.warmup ?? env['BENCH_WARMUP'], 1, 0, 60),
    connections: [...new Set(connections)].sort((x, y) => x - y),
    servers: [...new Set(servers)],
    build: values.build ?? false,
    cpuProf: values['cpu-prof'] ?? false,
    heapCompare: values['heap-compare'] ?? false,
  };
}
