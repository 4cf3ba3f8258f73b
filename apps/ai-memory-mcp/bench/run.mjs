// Builds search.bench.ts and the PGlite worker entry with esbuild (as the app's bundle is built:
// workspace sources bundled, node_modules left external) into tmp/, then runs it. Not a test.
//   node apps/ai-memory-mcp/bench/run.mjs [memories=10000] [rounds=200]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const outdir = path.join(root, 'tmp', 'ai-memory-bench');
await build({
  absWorkingDir: root,
  entryPoints: { 'search.bench': path.join(here, 'search.bench.ts'), 'pglite-worker': path.join(here, '../src/pglite-worker.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: path.join(root, 'tsconfig.base.json'),
  outExtension: { '.js': '.js' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  define: { __dirname: 'import.meta.dirname' },
  plugins: [
    {
      name: 'node-modules-external',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@sophia/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [path.join(outdir, 'search.bench.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
