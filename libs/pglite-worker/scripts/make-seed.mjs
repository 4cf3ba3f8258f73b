// Writes seed/pglite-seed.tar.gz: a fresh PGlite data directory (initdb output) that a server's
// first start unpacks instead of running initdb in-process (about 700 MiB of resident memory).
// Run again after a @electric-sql/pglite upgrade; the lib's spec fails until the seed matches.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const directory = await mkdtemp(join(tmpdir(), 'pglite-seed-'));
try {
  const db = await PGlite.create(join(directory, 'data'));
  await db.query('CHECKPOINT');
  const archive = await db.dumpDataDir('gzip');
  await db.close();
  const target = new URL('../seed/pglite-seed.tar.gz', import.meta.url);
  await writeFile(target, Buffer.from(await archive.arrayBuffer()));
  console.log(`wrote ${target.pathname} (${archive.size} bytes)`);
} finally {
  await rm(directory, { recursive: true, force: true });
}
