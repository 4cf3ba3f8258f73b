// The report: medians over the rounds, one markdown table for every row side by side, the fleet's
// idle total and the issue's targets met or missed.
import os from 'node:os';
import { log } from './log.mjs';
import { REFERENCE_ROW } from './rows/index.mjs';
import { median } from './stats.mjs';

/** @typedef {import('./rows/row.mjs').Row} Row */
/** @typedef {import('./measure-row.mjs').RoundResult} RoundResult */

/**
 * @typedef {object} RowSummary  medians over the rounds
 * @property {Row} row
 * @property {Record<number, { rps: number, p50: number, p99: number, upstreamMsPerCall: number }>} levels
 * @property {number} firstCallMs
 * @property {number} rssIdleMb
 * @property {number} rssLoadedMb
 * @property {number} errors  summed over the rounds
 */

/** The issue's targets (issue 14). */
const TARGETS = { overheadMs: 2, idleMb: 60, loadedMb: 128, firstCallMs: 150, fleetMb: 1.2 * 1024, fleetSize: 16, heapFlagsKeep: 0.9 };

/**
 * @param {Row} row
 * @param {RoundResult[]} rounds
 * @param {number[]} connections
 * @returns {RowSummary}
 */
export function summarise(row, rounds, connections) {
  const of = (/** @type {(round: RoundResult) => number} */ pick) => median(rounds.map(pick));
  return {
    row,
    levels: Object.fromEntries(
      connections.map((level) => {
        const at = (/** @type {'rps' | 'p50' | 'p99' | 'upstreamMsPerCall'} */ key) => of((round) => round.levels[level]?.[key] ?? NaN);
        return [level, { rps: at('rps'), p50: at('p50'), p99: at('p99'), upstreamMsPerCall: at('upstreamMsPerCall') }];
      }),
    ),
    firstCallMs: of((round) => round.firstCallMs),
    rssIdleMb: of((round) => round.rssIdleMb),
    rssLoadedMb: of((round) => round.rssLoadedMb),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
  };
}

const fixed = (/** @type {number} */ value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const thousands = (/** @type {number} */ value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');

/**
 * The table as lines of markdown.
 * @param {RowSummary[]} summaries
 * @param {number[]} connections  ascending
 */
export function tableLines(summaries, connections) {
  const lowest = /** @type {number} */ (connections[0]);
  const highest = /** @type {number} */ (connections[connections.length - 1]);
  const reference = summaries.find((summary) => summary.row.key === REFERENCE_ROW);
  const header = [
    'server',
    ...connections.flatMap((level) => [`req/s @${level}`, `p50 ms @${level}`]),
    `p99 ms @${highest}`,
    `× ${REFERENCE_ROW} @${highest}`,
    `upstream ms @${lowest}`,
    `overhead ms @${lowest}`,
    'first call ms',
    `RSS idle → @${highest} MB`,
    'errors',
  ];
  const body = summaries.map(({ row, levels, firstCallMs, rssIdleMb, rssLoadedMb, errors }) => {
    const low = levels[lowest];
    const high = levels[highest];
    const ratio = reference && high ? high.rps / (reference.levels[highest]?.rps ?? NaN) : NaN;
    return [
      `${row.key}: ${row.label}`,
      ...connections.flatMap((level) => [thousands(levels[level]?.rps ?? NaN), fixed(levels[level]?.p50 ?? NaN, 2)]),
      fixed(high?.p99 ?? NaN, 2),
      fixed(ratio, 2),
      fixed(low?.upstreamMsPerCall ?? NaN, 2),
      fixed(low ? low.p50 - low.upstreamMsPerCall : NaN, 2),
      fixed(firstCallMs),
      `${fixed(rssIdleMb)} → ${fixed(rssLoadedMb)}`,
      String(errors),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)));
  const line = (/** @type {string[]} */ cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)];
}

/**
 * The targets of the issue that this run measured, each MET or MISSED with the number.
 * @param {RowSummary[]} summaries
 * @param {number[]} connections
 */
export function targetLines(summaries, connections) {
  const lowest = /** @type {number} */ (connections[0]);
  const highest = /** @type {number} */ (connections[connections.length - 1]);
  const verdict = (/** @type {boolean} */ met) => (met ? 'MET   ' : 'MISSED');
  /** @type {string[]} */
  const lines = [];
  const base = summaries.find((summary) => summary.row.key === 'mcp-base')?.levels[highest];
  const tmcp = summaries.find((summary) => summary.row.key === 'tmcp')?.levels[highest];
  if (base && tmcp) {
    lines.push(`${verdict(base.rps >= tmcp.rps)} mcp-base req/s ≥ tmcp @${highest}: ${thousands(base.rps)} vs ${thousands(tmcp.rps)} (${fixed(base.rps / tmcp.rps, 2)}×)`);
    lines.push(`${verdict(base.p50 <= tmcp.p50)} mcp-base p50 ≤ tmcp @${highest}: ${fixed(base.p50, 2)} vs ${fixed(tmcp.p50, 2)} ms`);
  }
  const apps = summaries.filter((summary) => summary.row.kind === 'app' && !summary.row.twinOf);
  /** @param {string} what @param {(summary: RowSummary) => number} value @param {number} limit @param {string} unit */
  const perApp = (what, value, limit, unit) => {
    const measured = apps.filter((summary) => Number.isFinite(value(summary)));
    if (!measured.length) return;
    const over = measured.filter((summary) => value(summary) > limit);
    const list = over.map((summary) => `${summary.row.key} ${fixed(value(summary), 1)}`).join(', ');
    lines.push(`${verdict(!over.length)} ${what} ≤ ${limit} ${unit}: ${measured.length - over.length} of ${measured.length} apps${over.length ? `; over: ${list}` : ''}`);
  };
  perApp(`overhead over the upstream @${lowest}`, (summary) => {
    const level = summary.levels[lowest];
    return level ? level.p50 - level.upstreamMsPerCall : NaN;
  }, TARGETS.overheadMs, 'ms');
  perApp('idle RSS', (summary) => summary.rssIdleMb, TARGETS.idleMb, 'MB');
  perApp(`RSS @${highest}`, (summary) => summary.rssLoadedMb, TARGETS.loadedMb, 'MB');
  perApp('spawn → first call', (summary) => summary.firstCallMs, TARGETS.firstCallMs, 'ms');
  heapFlagLines(summaries, highest, verdict, lines);
  const fleet = apps.reduce((sum, summary) => sum + summary.rssIdleMb, 0);
  if (apps.length) {
    const all = apps.length === TARGETS.fleetSize;
    lines.push(
      `${all ? verdict(fleet <= TARGETS.fleetMb) : 'PARTIAL'} fleet idle total ≤ ${TARGETS.fleetMb / 1024} GB: ${fixed(fleet)} MB ` +
        `(sum of the idle RSS of ${apps.length} of ${TARGETS.fleetSize} servers, each alone)`,
    );
  }
  return lines;
}

/**
 * --heap-compare: req/s of each app row with its deployed heap flags over its twin's with V8's
 * defaults, at the highest level (issue 14: the 128 Mi limit may cost at most 10 % throughput).
 * @param {RowSummary[]} summaries
 * @param {number} highest
 * @param {(met: boolean) => string} verdict
 * @param {string[]} lines
 */
function heapFlagLines(summaries, highest, verdict, lines) {
  const pairs = summaries.flatMap((twin) => {
    const deployed = summaries.find((summary) => summary.row.key === twin.row.twinOf);
    const [flagged, defaults] = [deployed?.levels[highest]?.rps, twin.levels[highest]?.rps];
    return twin.row.twinOf && flagged && defaults ? [{ key: twin.row.twinOf, ratio: flagged / defaults }] : [];
  });
  if (!pairs.length) return;
  const worst = Math.min(...pairs.map((pair) => pair.ratio));
  const list = pairs.map((pair) => `${pair.key} ${fixed(pair.ratio, 2)}×`).join(', ');
  lines.push(`${verdict(worst >= TARGETS.heapFlagsKeep)} req/s with the deployed heap flags ≥ ${TARGETS.heapFlagsKeep}× V8's defaults @${highest}: ${list}`);
}

/**
 * @param {RowSummary[]} summaries
 * @param {{ connections: number[], rounds: number, warmup: number, duration: number, cpuProf: boolean }} options
 */
export function printReport(summaries, options) {
  const cpus = os.cpus();
  log(
    `\nResults: medians of ${options.rounds} interleaved round(s); per level ${options.warmup} s warm-up + ${options.duration} s measured; ` +
      `tools/call over stateless Streamable HTTP${options.cpuProf ? '; CPU PROFILING ON (numbers not comparable)' : ''}`,
  );
  log(`Node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.release()}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  log('');
  for (const line of tableLines(summaries, options.connections)) log(line);
  const targets = targetLines(summaries, options.connections);
  if (targets.length) {
    log('\nTargets of issue 14:');
    for (const line of targets) log(`  ${line}`);
  }
}
