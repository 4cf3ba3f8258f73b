#!/usr/bin/env node
// `npm run bench`: tools/call latency and throughput of the servers in rows.mjs, each in its
// own child process on loopback, loaded by autocannon from this process. See --help and
// docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { BUILD_DIR, ROOT, ROWS, appBundle } from './rows.mjs';

const OUT = path.join(ROOT, 'tmp', 'bench');
const LOG_DIR = path.join(OUT, 'logs');
const PROFILE_DIR = path.join(OUT, 'profiles');
const FAKE_UPSTREAM = path.join(BUILD_DIR, 'fake-upstream', 'fake-upstream.mjs');
const require = createRequire(import.meta.url);
const serverBundleOptions = require('../esbuild/server-bundle.config.cjs');

const HELP = `Usage: npm run bench -- [options]

Measures MCP tools/call over HTTP (POST /mcp, stateless, protocol 2025-11-25) against:
  a  one echo tool on @sophia/mcp-base (startMcpServer: validation, info logging to a
     file, metrics, Host/Origin guard, timeouts)
  b  the same echo tool on the bare MCP SDK v2 (createMcpHandler + toNodeHandler on
     node:http, one McpServer per request)
  c…k one typical read tool of an app's built bundle (dist/apps/<app>/main.js) against a
     fake of its upstream API on loopback:
${ROWS.filter((row) => row.app).map((row) => `       ${row.name}`).join('\n')}
Each server runs as its own child process on 127.0.0.1; autocannon drives it from this
process. Every response is checked (HTTP 200, no JSON-RPC error, no isError, expected
content); the run exits 1 if any response was wrong.

Options (environment variable in brackets):
  --duration <s>      measured seconds per server        [BENCH_DURATION]    default 10
  --warmup <s>        unmeasured seconds before that     [BENCH_WARMUP]      default 3
  --connections <n>   concurrent clients (connections)   [BENCH_CONNECTIONS] default 16
  --servers <list>    which rows, by letter or app name, e.g. a,b or d,hubspot-mcp
                                                         [BENCH_SERVERS]     default: all
  --skip-app-build    use the app rows' dist/apps/<app>/main.js as they are (default:
                      \`npx nx run-many -t build -p <apps>\` first; Nx's cache makes it quick)
  --cpu-prof          run the servers under node --cpu-prof; profiles go to
                      tmp/bench/profiles/ (profiling slows them: numbers are not comparable);
                      summarise with node tools/bench/profile-summary.mjs <file>
  --help              this text

Outputs: bundles in tmp/bench/build/, server logs in tmp/bench/logs/<row>.log.`;

// ---------------------------------------------------------------- options

function parseOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      servers: { type: 'string' },
      'skip-app-build': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const number = (name, raw, fallback, min, max) => {
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new Error(`--${name} must be a number from ${min} to ${max} (got ${raw})`);
    }
    return value;
  };
  const env = process.env;
  const wanted = (values.servers || env.BENCH_SERVERS || ROWS.map((row) => row.key).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const servers = wanted.map((name) => {
    const row = ROWS.find((candidate) => candidate.key === name || candidate.app === name);
    if (!row) throw new Error(`--servers: unknown row "${name}" (rows: ${ROWS.map((r) => (r.app ? `${r.key} (${r.app})` : r.key)).join(', ')})`);
    return row.key;
  });
  return {
    help: values.help,
    duration: number('duration', values.duration ?? env.BENCH_DURATION, 10, 1, 120),
    warmup: number('warmup', values.warmup ?? env.BENCH_WARMUP, 3, 0, 60),
    connections: Math.round(number('connections', values.connections ?? env.BENCH_CONNECTIONS, 16, 1, 1024)),
    servers: [...new Set(servers)],
    skipAppBuild: values['skip-app-build'],
    cpuProf: values['cpu-prof'],
  };
}

// ---------------------------------------------------------------- child processes

/** Every process we started and have not seen exit: killed on any way out. */
const children = new Set();
let currentLoad;

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function killAll(signal = 'SIGKILL') {
  for (const child of children) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

process.on('exit', () => killAll());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the load and every server`);
    currentLoad?.stop();
    killAll();
    process.exit(130);
  });
}

/** SIGTERM, wait for the exit (graceful shutdown, profile written), SIGKILL past the grace. */
async function stopChild(child, graceMs) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function runCommand(command, args, timeoutMs, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function tail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

// ---------------------------------------------------------------- builds

const esbuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  tsconfig: path.join(ROOT, 'tsconfig.base.json'),
  sourcemap: true,
  logLevel: 'warning',
  // Same banner (a real `require` for CommonJS deps) as the production server bundles.
  banner: serverBundleOptions.banner,
  legalComments: 'none',
  outExtension: { '.js': '.mjs' },
};

async function buildBenchServers() {
  const started = performance.now();
  await build({
    ...esbuildOptions,
    entryPoints: { 'base-echo': 'tools/bench/servers/base-echo.ts', 'bare-echo': 'tools/bench/servers/bare-echo.ts' },
    outdir: BUILD_DIR,
  });
  // One fake-upstream process for every app row; each app's routes are a chunk of their own,
  // loaded only by the fake that serves that app.
  await build({
    ...esbuildOptions,
    entryPoints: { 'fake-upstream': 'tools/bench/servers/fake-upstream.ts' },
    outdir: path.dirname(FAKE_UPSTREAM),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  log(`built bench servers with esbuild in ${Math.round(performance.now() - started)} ms → ${path.relative(ROOT, BUILD_DIR)}/`);
}

async function buildApps(apps, skip) {
  if (!apps.length) return;
  if (skip) {
    const missing = apps.map(appBundle).filter((bundle) => !existsSync(bundle));
    if (missing.length) throw new Error(`--skip-app-build given but ${missing.map((bundle) => path.relative(ROOT, bundle)).join(', ')} missing`);
    log(`using the existing ${apps.map((app) => path.relative(ROOT, appBundle(app))).join(', ')} (--skip-app-build)`);
    return;
  }
  const started = performance.now();
  const args = ['nx', 'run-many', '-t', 'build', '-p', apps.join(',')];
  log(`building: npx ${args.join(' ')} (always; cache hits when nothing changed)`);
  await runCommand('npx', args, 120_000 + apps.length * 60_000, { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' });
  log(`built ${apps.length} app bundle(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------- requests and checks

const HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-11-25',
};

/** The JSON-RPC message in a response body: plain JSON, or the data of an SSE event. */
function parseMessage(body) {
  const text = body.trimStart();
  if (text.startsWith('{')) return JSON.parse(text);
  const data = text
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .filter(Boolean);
  const messages = data.map((line) => JSON.parse(line));
  return messages.find((message) => 'result' in message || 'error' in message);
}

/** Classifies one response: 'ok' or the kind of error. */
function classify(status, body, verify) {
  if (status !== 200) return 'non200';
  let message;
  try {
    message = parseMessage(body);
  } catch {
    return 'badBody';
  }
  if (!message) return 'badBody';
  if (message.error) return 'rpcError';
  if (message.result?.isError) return 'toolError';
  const text = message.result?.content?.[0]?.text;
  try {
    return typeof text === 'string' && verify(text) ? 'ok' : 'wrongResult';
  } catch {
    return 'wrongResult';
  }
}

const ERROR_KINDS = ['non200', 'rpcError', 'toolError', 'wrongResult', 'badBody'];

// ---------------------------------------------------------------- servers

async function startFakeUpstream(app) {
  const child = track(spawn(process.execPath, [FAKE_UPSTREAM, app], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }));
  const lines = createInterface({ input: child.stdout });
  const messages = [];
  let onMessage;
  lines.on('line', (line) => {
    try {
      messages.push(JSON.parse(line));
      onMessage?.();
    } catch {
      // not ours
    }
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fake ${app} upstream did not start within 10 s`)), 10_000);
    child.once('exit', (code) => reject(new Error(`fake ${app} upstream exited with ${code} before listening`)));
    onMessage = () => {
      const found = messages.find((message) => message.url);
      if (found) {
        clearTimeout(timer);
        resolve(found.url);
      }
    };
  });
  return {
    url,
    /** Stops the fake; resolves with its request counts by route. */
    stop: async () => {
      await stopChild(child, 3000);
      return messages.find((message) => message.requests)?.requests ?? {};
    },
  };
}

async function startServer(row, options, fake) {
  const port = await freePort();
  const logFile = path.join(LOG_DIR, `${row.key}.log`);
  const fd = openSync(logFile, 'w');
  const nodeArgs = options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--cpu-prof-name', `${row.key}-${process.pid}.cpuprofile`] : [];
  const child = track(
    spawn(process.execPath, [...nodeArgs, row.bundle()], {
      cwd: ROOT,
      // Exactly this environment: nothing from the shell (no stray MCP_* or tokens).
      env: { PATH: process.env.PATH ?? '', ...row.env(fake?.url), MCP_PORT: String(port), MCP_HOST: '127.0.0.1' },
      // The server writes its logs straight to the file, not through this process.
      stdio: ['ignore', fd, fd],
    }),
  );
  closeSync(fd);
  const base = `http://127.0.0.1:${port}`;
  const server = { child, base, url: `${base}/mcp`, logFile };

  // Ready when a tools/call without initialize (stateless legacy serving) answers correctly.
  const deadline = Date.now() + 20_000;
  let last = 'no answer';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${row.name} exited with ${child.exitCode} on start:\n${tail(logFile)}`);
    let answer;
    try {
      const res = await fetch(server.url, { method: 'POST', headers: HEADERS, body: row.body, signal: AbortSignal.timeout(2000) });
      answer = { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
    } catch (error) {
      last = error.cause?.code ?? error.message; // not listening yet
    }
    if (answer) {
      const kind = classify(answer.status, answer.body, row.verify);
      if (kind === 'ok') {
        server.firstResponse = { contentType: answer.contentType, bytes: Buffer.byteLength(answer.body) };
        return server;
      }
      last = `${kind}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`;
      // Up but answering wrongly (anything but "not ready yet"): waiting will not fix it.
      if (answer.status !== 503) throw new Error(`${row.name} answers tools/call wrongly: ${last}`);
    }
    if (Date.now() > deadline) throw new Error(`${row.name} not ready within 20 s (${last}):\n${tail(logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ---------------------------------------------------------------- load

/**
 * One continuous autocannon run of warm-up + measured seconds. Only responses that
 * complete inside the measured window count. (Two separate runs would cut the warm-up's
 * in-flight calls at the boundary: cancelled calls are not free for every server, see
 * docs/benchmarks.md, and their aftermath would land in the measurement.)
 */
function runLoad(server, row, { connections, warmup, duration }) {
  const phases = {
    warmup: { counts: Object.fromEntries(['ok', ...ERROR_KINDS].map((kind) => [kind, 0])) },
    measure: { counts: Object.fromEntries(['ok', ...ERROR_KINDS].map((kind) => [kind, 0])) },
  };
  const samples = [];
  let firstError;
  let measureStart = Infinity;
  const phaseAt = (now) => (now >= measureStart ? phases.measure : phases.warmup);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        method: 'POST',
        headers: HEADERS,
        body: row.body,
        connections,
        duration: warmup + duration,
        timeout: 10,
        requests: [
          {
            onResponse: (status, body) => {
              const kind = classify(status, body, row.verify);
              phaseAt(performance.now()).counts[kind] += 1;
              if (kind !== 'ok' && !firstError) firstError = `${kind}: HTTP ${status} ${String(body).slice(0, 400)}`;
            },
          },
        ],
      },
      (error, result) => {
        const finished = performance.now();
        currentLoad = undefined;
        if (error) return reject(error);
        resolve({
          result,
          counts: phases.measure.counts,
          warmupCounts: phases.warmup.counts,
          samples,
          seconds: Math.max(0, finished - measureStart) / 1000,
          firstError,
        });
      },
    );
    currentLoad = instance;
    const started = performance.now();
    measureStart = started + warmup * 1000;
    // autocannon's own histogram has whole-millisecond resolution; keep exact times.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (performance.now() >= measureStart) samples.push(responseTime);
    });
    let second = 0;
    instance.on('tick', ({ counter }) => {
      second += 1;
      if (second > warmup + duration) return;
      const inWarmup = second <= warmup;
      const label = inWarmup ? `warm-up ${second}/${warmup} s` : `measure ${second - warmup}/${duration} s`;
      if (inWarmup ? second === warmup : (second - warmup) % 2 === 0 || second - warmup === duration) {
        log(`  ${label.padEnd(16)} ${String(counter).padStart(6)} responses in the last second`);
      }
    });
  });
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

async function scrapeToolCalls(server) {
  try {
    const res = await fetch(`${server.base}/metrics`, { signal: AbortSignal.timeout(3000) });
    const text = await res.text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('mcp_tool_calls_total{') || line.startsWith('mcp_upstream_requests_total{'))
      .join('; ');
  } catch (error) {
    return `(metrics unavailable: ${error.message})`;
  }
}

function countToolCallLogLines(file) {
  const text = readFileSync(file, 'utf8');
  let count = 0;
  for (let at = text.indexOf('"msg":"tool call"'); at !== -1; at = text.indexOf('"msg":"tool call"', at + 1)) count += 1;
  return count;
}

async function benchRow(key, options) {
  const row = ROWS.find((candidate) => candidate.key === key);
  log(`\n== ${row.name}`);
  const fake = row.upstream ? await startFakeUpstream(row.app) : undefined;
  if (fake) log(`  fake ${row.app} upstream (serveFakeUpstream, tools/bench/servers/upstreams/${row.app}.ts) at ${fake.url}`);
  let server;
  try {
    server = await startServer(row, options, fake);
    log(
      `  ${path.relative(ROOT, row.bundle())} on ${server.url} (pid ${server.child.pid}); ` +
        `tools/call without initialize → 200, ${server.firstResponse.contentType}, ${server.firstResponse.bytes} bytes`,
    );
    log(`  load: ${options.connections} connections, ${options.warmup} s warm-up (not counted), then ${options.duration} s measured`);
    const measured = await runLoad(server, row, options);
    const checks = [];
    if (row.observable) checks.push(`metrics: ${await scrapeToolCalls(server)}`);
    await stopChild(server.child, options.cpuProf ? 30_000 : 5000);
    if (row.observable) checks.push(`log: ${countToolCallLogLines(server.logFile)} "tool call" lines at info in ${path.relative(ROOT, server.logFile)}`);
    if (fake) checks.push(`fake upstream answered: ${JSON.stringify(await fake.stop())}`);
    for (const line of checks) log(`  ${line}`);
    return summarize(row, measured);
  } finally {
    if (server) await stopChild(server.child, 2000);
    if (fake) await fake.stop();
  }
}

function summarize(row, measured) {
  const { result, counts, warmupCounts, samples, seconds, firstError } = measured;
  const sorted = Float64Array.from(samples).sort();
  const wrong = (tally) => ERROR_KINDS.reduce((sum, kind) => sum + tally[kind], 0);
  // Socket errors and timeouts are not split by phase: all of them count.
  const errors = wrong(counts) + result.errors + (samples.length === 0 ? 1 : 0);
  const completed = samples.length;
  const summary = {
    name: row.name,
    requests: completed,
    seconds,
    rps: completed / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors,
    detail: { ...counts, socketErrors: result.errors, timeouts: result.timeouts, ...(completed ? {} : { noResponses: 1 }) },
    firstError: firstError ?? (completed ? undefined : 'no response completed in the measured window'),
    warmupErrors: wrong(warmupCounts),
  };
  log(
    `  → p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms, ${summary.rps.toFixed(0)} req/s, ` +
      `${completed} responses, ${errors} errors`,
  );
  if (errors) log(`  !! ${errors} ERRORS: ${JSON.stringify(summary.detail)}; first: ${firstError ?? '(socket error)'}`);
  if (summary.warmupErrors) log(`  !! ${summary.warmupErrors} errors during warm-up`);
  return summary;
}

// ---------------------------------------------------------------- report

function log(line) {
  process.stdout.write(`${line}\n`);
}

function printTable(rows, options) {
  const header = ['server', 'p50 ms', 'p99 ms', 'req/s', 'responses', 'errors'];
  const body = rows.map((row) => [
    row.name,
    row.p50.toFixed(2),
    row.p99.toFixed(2),
    row.rps.toFixed(0),
    String(row.requests),
    String(row.errors + row.warmupErrors),
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...body.map((cells) => cells[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  log(`\nResults: tools/call, ${options.connections} connections, ${options.duration} s measured after ${options.warmup} s warm-up`);
  log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.release()}`);
  log(line(header));
  log(`|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
  for (const cells of body) log(line(cells));

  const a = rows.find((row) => row.name.startsWith('a '));
  const b = rows.find((row) => row.name.startsWith('b '));
  if (a && b) {
    const rpsDrop = (1 - a.rps / b.rps) * 100;
    const perRequest = (b.rps / a.rps - 1) * 100;
    const p50 = (a.p50 / b.p50 - 1) * 100;
    const p99 = (a.p99 / b.p99 - 1) * 100;
    const pct = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
    log('\nOverhead of (a) mcp-base over (b) bare SDK:');
    log(`  req/s: ${pct(-rpsDrop)} (a serves ${rpsDrop.toFixed(1)}% fewer; ${pct(perRequest)} server time per request)`);
    log(`  p50:   ${pct(p50)}    p99: ${pct(p99)}`);
    const worst = Math.max(perRequest, p50);
    log(`  target ≤ ~20% (issue): ${worst <= 20 ? 'MET' : 'MISSED'} (worst of time-per-request and p50: ${pct(worst)})`);
  }
}

// ---------------------------------------------------------------- main

async function main() {
  let options;
  try {
    options = parseOptions();
  } catch (error) {
    process.stderr.write(`${error.message}\n\n${HELP}\n`);
    process.exit(2);
  }
  if (options.help) {
    log(HELP);
    return;
  }
  // Last line of defence against a hang: everything is bounded below, this bounds the sum.
  const budgetSeconds = 240 + options.servers.length * (options.warmup + options.duration + 60);
  setTimeout(() => {
    process.stderr.write(`\nbench: watchdog: still running after ${budgetSeconds} s; killing every server and giving up\n`);
    currentLoad?.stop();
    killAll();
    process.exit(3);
  }, budgetSeconds * 1000).unref();

  const started = performance.now();
  log(
    `bench: tools/call at ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s per server; ` +
      `rows ${options.servers.join(', ')}${options.cpuProf ? '; CPU profiling ON (numbers not comparable)' : ''}`,
  );
  for (const dir of [BUILD_DIR, LOG_DIR, ...(options.cpuProf ? [PROFILE_DIR] : [])]) mkdirSync(dir, { recursive: true });
  await buildBenchServers();
  const apps = ROWS.filter((row) => row.app && options.servers.includes(row.key)).map((row) => row.app);
  await buildApps(apps, options.skipAppBuild);

  const rows = [];
  for (const key of options.servers) rows.push(await benchRow(key, options));
  printTable(rows, options);
  if (options.cpuProf) log(`\nCPU profiles: ${path.relative(ROOT, PROFILE_DIR)}/ (open in Chrome DevTools → Performance, or speedscope)`);

  const failed = rows.filter((row) => row.errors + row.warmupErrors > 0);
  log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (failed.length) {
    const banner = '!'.repeat(72);
    log(`\n${banner}\n!! THE RUN HAD ERRORS: ${failed.map((row) => `${row.name} (${row.errors + row.warmupErrors})`).join(', ')}`);
    for (const row of failed) log(`!! ${row.name}: ${JSON.stringify(row.detail)} first: ${row.firstError ?? '(socket error)'}`);
    log(`!! These numbers do not measure working servers.\n${banner}`);
    process.exitCode = 1;
  }
}

main().then(
  () => {
    killAll();
    process.exit(process.exitCode ?? 0);
  },
  (error) => {
    process.stderr.write(`\nbench failed: ${error.stack ?? error}\n`);
    currentLoad?.stop();
    killAll();
    process.exit(1);
  },
);
