#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): self time by package and by
// function, mapped through the bundle's source map to the original files, so "what dominates"
// reads as "pino", "express", "zod", not "main.js:1234". With --requests <n> (the calls the
// server answered while profiled) every line also says its CPU µs per request.
//
//   node tools/bench/src/profile-summary.mjs tmp/bench/profiles/mcp-base-*.cpuprofile --requests 12345 [--top 25]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * @typedef {object} CallFrame
 * @property {string} url
 * @property {string} functionName
 * @property {number} lineNumber
 * @property {number} columnNumber
 */
/** @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode */
/** @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} CpuProfile */
/** @typedef {{ pkg: string, fn: string }} Place */

/** @type {Map<string, SourceMap | undefined>} */
const maps = new Map();

/** The source map next to a bundle (file://…/main.js → main.js.map), when there is one. */
function sourceMapFor(/** @type {string} */ url) {
  if (!url.startsWith('file://')) return undefined;
  if (!maps.has(url)) {
    const file = `${fileURLToPath(url)}.map`;
    maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  return maps.get(url);
}

/** "express", "@octokit/request", "libs/mcp-base", "node:internal", "(gc)" ... */
function packageOf(/** @type {string} */ source) {
  if (!source) return '(unknown)';
  const modules = source.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = source.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
  }
  const workspace = source.match(/(?:^|\/)((?:libs|apps|tools)\/[^/]+)\//);
  if (workspace?.[1]) return workspace[1];
  if (source.startsWith('node:')) return source.startsWith('node:internal') ? 'node:internal' : source;
  return source;
}

/** @returns {Place} */
function locate(/** @type {CallFrame} */ { url, functionName, lineNumber, columnNumber }) {
  const name = functionName || '(anonymous)';
  if (!url) return { pkg: name.startsWith('(') ? name : '(native)', fn: name };
  const entry = sourceMapFor(url)?.findEntry(lineNumber, columnNumber);
  if (entry && 'originalSource' in entry && entry.originalSource) {
    const source = entry.originalSource.replace(/^.*?(node_modules\/|libs\/|apps\/|tools\/)/, '$1');
    return { pkg: packageOf(source), fn: `${name} (${source}:${entry.originalLine + 1})` };
  }
  const source = url.replace(/^file:\/\//, '');
  return { pkg: packageOf(source), fn: `${name} (${source.split('/').slice(-2).join('/')}:${lineNumber + 1})` };
}

/**
 * @param {Map<string, number>} totals
 * @param {string} key
 * @param {number} ms
 */
const add = (totals, key, ms) => totals.set(key, (totals.get(key) ?? 0) + ms);

/**
 * The summary of one profile as text.
 * @param {CpuProfile} profile
 * @param {{ top: number, requests: number }} options
 */
export function summariseProfile(profile, { top, requests }) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} self ms by node; timeDeltas[i] is the time before samples[i] */
  const selfMs = new Map();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** @type {Map<number, Place>} */
  const located = new Map();
  const where = (/** @type {number} */ id) => {
    let place = located.get(id);
    if (!place) located.set(id, (place = locate(/** @type {ProfileNode} */ (byId.get(id)).callFrame)));
    return place;
  };
  /** @type {Map<string, number>} */ const byPackage = new Map();
  /** @type {Map<string, number>} */ const byFunction = new Map();
  // Inclusive: time during which a package (or a workspace function) is anywhere on the stack.
  /** @type {Map<string, number>} */ const onStackPackage = new Map();
  /** @type {Map<string, number>} */ const onStackFunction = new Map();
  for (const [id, ms] of selfMs) {
    const { pkg, fn } = where(id);
    add(byPackage, pkg, ms);
    add(byFunction, `${pkg} :: ${fn}`, ms);
    const packages = new Set();
    const functions = new Set();
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
      const place = where(at);
      packages.add(place.pkg);
      if (/^(libs|apps|tools)\//.test(place.pkg)) functions.add(`${place.pkg} :: ${place.fn}`);
    }
    for (const key of packages) add(onStackPackage, key, ms);
    for (const key of functions) add(onStackFunction, key, ms);
  }
  const busy = total - (byPackage.get('(idle)') ?? 0);
  const perRequest = (/** @type {number} */ ms) => (requests > 0 ? `${((ms * 1000) / requests).toFixed(1).padStart(7)} µs/req  ` : '');
  /** @type {string[]} */
  const out = [
    `  ${(total / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)}%)` +
      (requests > 0 ? `, ${requests} requests: ${perRequest(busy).trim()} of CPU` : '') +
      '; percentages are of busy time',
  ];
  const section = (/** @type {string} */ title, /** @type {Map<string, number>} */ entries, /** @type {string[]} */ drop) => {
    out.push('', title);
    for (const [key, ms] of [...entries].filter(([name]) => !drop.includes(name)).sort((x, y) => y[1] - x[1]).slice(0, top)) {
      out.push(`  ${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${perRequest(ms)}${key}`);
    }
  };
  section('self time by package', byPackage, ['(idle)']);
  section('self time by function', byFunction, ['(idle) :: (idle)']);
  section('on the stack (inclusive) by package', onStackPackage, ['(idle)', '(root)', '(program)', '(garbage collector)']);
  section('on the stack (inclusive): workspace functions', onStackFunction, []);
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '25' },
      requests: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write('Usage: node tools/bench/src/profile-summary.mjs <file.cpuprofile>... [--requests N] [--top N]\n');
    process.exit(values.help ? 0 : 2);
  }
  for (const file of positionals) {
    const profile = /** @type {CpuProfile} */ (JSON.parse(readFileSync(file, 'utf8')));
    process.stdout.write(`${file}\n${summariseProfile(profile, { top: Number(values.top), requests: Number(values.requests) })}\n`);
  }
}
