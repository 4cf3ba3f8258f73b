#!/usr/bin/env node
// `npm run bench`: every selected row in interleaved rounds, then one side-by-side table. See
// --help and docs/benchmarks.md.
import { mkdirSync } from 'node:fs';
import { buildBenchServers, ensureAppBundles } from './build.mjs';
import { stopCurrentLoad } from './load.mjs';
import { log } from './log.mjs';
import { measureRowRound, primeEmbeddedStore } from './measure-row.mjs';
import { HELP, parseOptions } from './options.mjs';
import { BUILD_DIR, DATA_DIR, LOG_DIR, PROFILE_DIR, relative } from './paths.mjs';
import { killAll } from './processes.mjs';
import { selectRows } from './rows/index.mjs';
import { printReport, summarise } from './table.mjs';

/** Last line of defence against a hang: each step is bounded, this bounds the sum. */
function startWatchdog(/** @type {number} */ seconds) {
  setTimeout(() => {
    process.stderr.write(`\nbench: watchdog: still running after ${seconds} s; killing every server and giving up\n`);
    stopCurrentLoad();
    killAll();
    process.exit(3);
  }, seconds * 1000).unref();
}

async function main() {
  /** @type {import('./options.mjs').Options} */
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${/** @type {Error} */ (error).message}\n\n${HELP}\n`);
    process.exit(2);
  }
  if (options.help) return log(HELP);
  const rows = selectRows(options.servers, { heapCompare: options.heapCompare });
  const perRound = options.connections.length * (options.warmup + options.duration) + 40;
  startWatchdog(300 + rows.length * options.rounds * perRound + rows.filter((row) => row.embedded).length * 200);

  const started = performance.now();
  log(
    `bench: ${rows.length} row(s) × ${options.rounds} round(s), connections ${options.connections.join(', ')}, ` +
      `${options.warmup} s warm-up + ${options.duration} s measured per level${options.cpuProf ? '; CPU profiling ON' : ''}`,
  );
  for (const dir of [BUILD_DIR, LOG_DIR, DATA_DIR, ...(options.cpuProf ? [PROFILE_DIR] : [])]) mkdirSync(dir, { recursive: true });
  await buildBenchServers(rows);
  await ensureAppBundles([...new Set(rows.flatMap((row) => (row.app ? [row.app] : [])))], options.build);
  for (const row of rows.filter((candidate) => candidate.embedded)) await primeEmbeddedStore(row, options);

  /** @type {Map<string, import('./measure-row.mjs').RoundResult[]>} */
  const results = new Map(rows.map((row) => [row.key, []]));
  for (let round = 1; round <= options.rounds; round++) {
    log(`\n== round ${round} of ${options.rounds}`);
    for (const row of rows) results.get(row.key)?.push(await measureRowRound(row, options, round));
  }
  const summaries = rows.map((row) => summarise(row, results.get(row.key) ?? [], options.connections));
  printReport(summaries, options);
  if (options.cpuProf) log(`\nCPU profiles: ${relative(PROFILE_DIR)}/ <row>-<run>/, one file per thread (summarise with node tools/bench/src/profile-summary.mjs <file> --requests <n>)`);
  log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const failed = summaries.filter((summary) => summary.errors > 0);
  if (failed.length) {
    const banner = '!'.repeat(72);
    log(`\n${banner}\n!! THE RUN HAD ERRORS: ${failed.map((summary) => `${summary.row.key} (${summary.errors})`).join(', ')}`);
    log(`!! (details above, per round); these numbers do not measure working servers.\n${banner}`);
    process.exitCode = 1;
  }
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the load and every server`);
    stopCurrentLoad();
    killAll();
    process.exit(130);
  });
}
process.on('exit', killAll);

main().then(
  () => {
    killAll();
    process.exit(process.exitCode ?? 0);
  },
  (error) => {
    process.stderr.write(`\nbench failed: ${error?.stack ?? error}\n`);
    stopCurrentLoad();
    killAll();
    process.exit(1);
  },
);
