#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): self time by
// package and by function, mapped through the bundle's source map to the original
// files, so "what dominates" reads as "pino", "express", "zod", not "main.js:1234".
//
//   node tools/bench/profile-summary.mjs tmp/bench/profiles/a-*.cpuprofile [--top 25]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help || positionals.length === 0) {
  process.stdout.write('Usage: node tools/bench/profile-summary.mjs <file.cpuprofile>... [--top N]\n');
  process.exit(values.help ? 0 : 2);
}
const top = Number(values.top);

const maps = new Map();
function sourceMapFor(url) {
  if (!url.startsWith('file://')) return undefined;
  if (!maps.has(url)) {
    const file = `${fileURLToPath(url)}.map`;
    maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  return maps.get(url);
}

/** "express", "@octokit/request", "libs/mcp-base", "node:internal", "(gc)" ... */
function packageOf(source) {
  if (!source) return '(unknown)';
  const modules = source.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = source.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const workspace = source.match(/(?:^|\/)((?:libs|apps|tools)\/[^/]+)\//);
  if (workspace) return workspace[1];
  if (source.startsWith('node:')) return source.startsWith('node:internal') ? 'node:internal' : source;
  return source;
}

function locate(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return { pkg: name.startsWith('(') ? name : '(native)', fn: name };
  const map = sourceMapFor(url);
  const entry = map?.findEntry(lineNumber, columnNumber);
  if (entry && entry.originalSource) {
    const source = entry.originalSource.replace(/^.*?(node_modules\/|libs\/|apps\/|tools\/)/, '$1');
    return { pkg: packageOf(source), fn: `${name} (${source}:${entry.originalLine + 1})` };
  }
  const source = url.replace(/^file:\/\//, '');
  return { pkg: packageOf(source), fn: `${name} (${source.split('/').slice(-2).join('/')}:${lineNumber + 1})` };
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  // timeDeltas[i] is the time before samples[i]; attribute it to that sample's node.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const located = new Map();
  const where = (id) => {
    if (!located.has(id)) located.set(id, locate(byId.get(id).callFrame));
    return located.get(id);
  };
  // Inclusive: time during which a package (or a workspace function) is anywhere on the stack.
  const onStackPackage = new Map();
  const onStackFunction = new Map();
  for (const [id, ms] of selfMs) {
    const packages = new Set();
    const functions = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { pkg, fn } = where(at);
      packages.add(pkg);
      if (/^(libs|apps|tools)\//.test(pkg)) functions.add(`${pkg} :: ${fn}`);
    }
    for (const pkg of packages) onStackPackage.set(pkg, (onStackPackage.get(pkg) ?? 0) + ms);
    for (const fn of functions) onStackFunction.set(fn, (onStackFunction.get(fn) ?? 0) + ms);
  }
  const byPackage = new Map();
  const byFunction = new Map();
  for (const [id, ms] of selfMs) {
    const { pkg, fn } = where(id);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const key = `${pkg} :: ${fn}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const idle = byPackage.get('(idle)') ?? 0;
  const busy = total - idle;
  const print = (title, entries) => {
    process.stdout.write(`\n${title}\n`);
    for (const [key, ms] of [...entries].sort((x, y) => y[1] - x[1]).slice(0, top)) {
      process.stdout.write(`  ${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${key}\n`);
    }
  };
  process.stdout.write(
    `${file}\n  ${(total / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)}%); percentages are of busy time\n`,
  );
  byPackage.delete('(idle)');
  print('self time by package', byPackage);
  byFunction.delete('(idle) :: (idle)');
  print('self time by function', byFunction);
  for (const key of ['(idle)', '(root)', '(program)', '(garbage collector)']) onStackPackage.delete(key);
  print('on the stack (inclusive) by package', onStackPackage);
  print('on the stack (inclusive): workspace functions', onStackFunction);
}
