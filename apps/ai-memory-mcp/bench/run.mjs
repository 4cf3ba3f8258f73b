// Builds search.bench.ts and the PGlite worker entry with the workspace's esbuild (as the app's bundle
// is built) into tmp/, then runs it. Not a test: it prints numbers.
//   node apps/ai-memory-mcp/bench/run.mjs [memories=10000] [rounds=100] [dimensions=1536] [--analyze] [--explain]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const outdir = path.join(root, 'tmp', 'ai-memory-bench');
const esbuild = spawnSync(
  path.join(root, 'node_modules', '.bin', 'esbuild'),
  [
    `search.bench=${path.join(here, 'search.bench.ts')}`,
    `pglite-worker=${path.join(here, '../src/pglite-worker.ts')}`,
    `--outdir=${outdir}`,
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node20',
    `--tsconfig=${path.join(root, 'tsconfig.base.json')}`,
    // PGlite stays external: it finds its WASM next to its own module. The rest is bundled, as in the app.
    '--external:@electric-sql/pglite',
    '--external:@electric-sql/pglite/*',
    '--external:pg',
    '--external:esbuild',
    '--define:__dirname=import.meta.dirname',
    "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    '--log-level=warning',
  ],
  { stdio: 'inherit', cwd: root },
);
if (esbuild.status !== 0) process.exit(esbuild.status ?? 1);
writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
const run = spawnSync(process.execPath, [path.join(outdir, 'search.bench.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
