// What the bench runs: the echo servers and the fake upstream, built here with esbuild (same
// banner as the production bundles), and the apps' production bundles, built by Nx when missing.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { log } from './log.mjs';
import { BUILD_DIR, FAKE_UPSTREAM_BUNDLE, ROOT, appBundle, relative } from './paths.mjs';
import { runCommand } from './processes.mjs';

const require = createRequire(import.meta.url);
// The production bundles' esbuild options (tools/esbuild is shared config, not a project).
const serverBundleOptions = require(path.join(ROOT, 'tools', 'esbuild', 'server-bundle.config.cjs'));

/** @type {import('esbuild').BuildOptions} */
const esbuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  tsconfig: path.join(ROOT, 'tsconfig.base.json'),
  sourcemap: true,
  logLevel: 'warning',
  // A real `require` for CommonJS dependencies, as in the production server bundles.
  banner: serverBundleOptions.banner,
  legalComments: 'none',
  outExtension: { '.js': '.mjs' },
};

/**
 * Builds the echo servers of the selected rows and, when a row has one, the fake upstream.
 * @param {import('./rows/row.mjs').Row[]} rows
 */
export async function buildBenchServers(rows) {
  const started = performance.now();
  const echo = rows.filter((row) => row.source);
  if (echo.length) {
    await build({
      ...esbuildOptions,
      entryPoints: Object.fromEntries(echo.map((row) => [row.key, `tools/bench/servers/${row.source}.ts`])),
      outdir: BUILD_DIR,
      // FastMCP's schema converter (xsschema) imports these only for schema libraries other than zod.
      external: ['sury', '@valibot/to-json-schema', 'effect'],
    });
  }
  if (rows.some((row) => row.upstream)) {
    // Each app's routes are a chunk of their own, loaded only by the fake that serves that app.
    await build({
      ...esbuildOptions,
      entryPoints: { 'fake-upstream': 'tools/bench/servers/fake-upstream.ts' },
      outdir: path.dirname(FAKE_UPSTREAM_BUNDLE),
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
    });
  }
  log(`built the bench servers with esbuild in ${Math.round(performance.now() - started)} ms → ${relative(BUILD_DIR)}/`);
}

const ageMinutes = (/** @type {string} */ file) => Math.round((Date.now() - statSync(file).mtimeMs) / 60_000);

/**
 * Builds the apps' bundles that are missing (all of them with `rebuild`) in one Nx call.
 * @param {string[]} apps
 * @param {boolean} rebuild
 */
export async function ensureAppBundles(apps, rebuild) {
  const wanted = rebuild ? apps : apps.filter((app) => !existsSync(appBundle(app)));
  for (const app of apps.filter((candidate) => !wanted.includes(candidate))) {
    log(`using ${relative(appBundle(app))} as it is (${ageMinutes(appBundle(app))} min old; --build rebuilds)`);
  }
  if (!wanted.length) return;
  const started = performance.now();
  const args = ['nx', 'run-many', '-t', 'build', '-p', wanted.join(',')];
  log(`building: npx ${args.join(' ')}`);
  await runCommand('npx', args, 180_000 + wanted.length * 60_000, { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' });
  log(`built ${wanted.length} app bundle(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
