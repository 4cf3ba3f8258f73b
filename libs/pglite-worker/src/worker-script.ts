import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { SEED_ARCHIVE } from './seed';

declare const __filename: string | undefined;

let fromSource: string | undefined;
function compiledFromSource(): string {
  // Test-time only: a dev dependency the bundles never load.
  const esbuild = require('esbuild') as typeof import('esbuild');
  fromSource ??= esbuild.buildSync({
    stdin: { contents: "require('./worker-thread').servePgliteWorker();", resolveDir: __dirname, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    write: false,
  }).outputFiles[0].text;
  return fromSource;
}

/** The file name each app's build gives the worker thread's entry (its `additionalEntryPoints`). */
export const WORKER_BUNDLE = 'pglite-worker.js';

/**
 * Starts the worker thread. Built, the app is two bundles side by side: main.js and
 * pglite-worker.js (a separate entry, so the worker loads PGlite and nothing of the server);
 * `__dirname` is the bundle's directory (esbuild defines it as import.meta.dirname). Under
 * ts-jest the code runs from TypeScript sources: worker-thread.ts is compiled with esbuild (the
 * workspace's bundler) into the worker's code. Not @swc-node/register: a native addon loaded in a
 * worker thread that is later terminated crashes the process (seen as a segfault on the 2nd restart).
 */
export function startWorkerThread(options: WorkerOptions): Worker {
  const fromTypeScript = typeof __filename === 'string' && __filename.endsWith('.ts');
  if (!fromTypeScript) return new Worker(join(__dirname, WORKER_BUNDLE), options);
  return new Worker(compiledFromSource(), { ...options, eval: true });
}

/**
 * The seed data directory: next to the bundle (each app's build copies it as an asset), or in
 * this lib under ts-jest. Undefined when a build left it out: PGlite then runs initdb itself.
 */
export function seedArchive(): string | undefined {
  const fromTypeScript = typeof __filename === 'string' && __filename.endsWith('.ts');
  const archive = fromTypeScript ? join(__dirname, '..', 'seed', SEED_ARCHIVE) : join(__dirname, SEED_ARCHIVE);
  return existsSync(archive) ? archive : undefined;
}
