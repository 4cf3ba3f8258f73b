import { existsSync } from 'node:fs';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { extract } from 'tar';

/** The pre-initialised data directory (PGlite's initdb output, `dumpDataDir('gzip')`), shipped next to the bundle. */
export const SEED_ARCHIVE = 'pglite-seed.tar.gz';

/**
 * Unpacks the seed into `directory` unless it already holds a database. PGlite's own first start
 * runs initdb in-process (a second PostgreSQL instance, a copy of its heap and initdb's WASM: about
 * 700 MiB that stays resident); a seed unpacked as a stream costs a few MiB. Unpacked beside the
 * target and renamed into place, so a crash midway never leaves half a data directory behind.
 */
export async function unpackSeed(archive: string, directory: string): Promise<void> {
  if (existsSync(join(directory, 'PG_VERSION'))) return;
  const staging = `${directory}.seed-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await makeDirectories(dirname(staging));
  await mkdir(staging, { mode: 0o700 });
  try {
    await unpackInto(archive, staging);
  } catch (error) {
    // tar rejects at the first error while writes it already started still land: retry on ENOTEMPTY.
    await rm(staging, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
  await rmdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return;
    throw new Error(`${directory} holds files but no PostgreSQL database (no PG_VERSION): empty it or point the data directory elsewhere`, { cause: error });
  });
  await rename(staging, directory);
}

/**
 * `mkdir -p` one level at a time: Node's recursive mkdir never settles where the kernel answers
 * ENOENT for a directory whose parent exists (a data directory under /proc hung every call).
 */
export async function makeDirectories(directory: string, mode?: number): Promise<void> {
  const missing: string[] = [];
  for (let dir = resolve(directory); !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
  for (const dir of missing) {
    await mkdir(dir, { mode }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

async function unpackInto(archive: string, staging: string): Promise<void> {
  // Streams from disk through gunzip into files (a few MiB at most) and never writes outside `cwd`.
  // Not `strict`: that would fail on tar stripping the leading '/' of the seed's entry names (an
  // INFO notice); any other warning is an entry tar skipped, so the seed is damaged.
  const damaged: string[] = [];
  await extract({ file: archive, cwd: staging, onwarn: (code, message) => void (code === 'TAR_ENTRY_INFO' || damaged.push(`${code}: ${message}`)) });
  if (damaged.length) throw new Error(`${archive} is damaged (${damaged.join('; ')}): regenerate it with libs/pglite-worker/scripts/make-seed.mjs`);
  if (!existsSync(join(staging, 'PG_VERSION'))) throw new Error(`${archive} holds no PostgreSQL data directory (no PG_VERSION)`);
}
