import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, normalize, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';

/** The pre-initialised data directory (PGlite's initdb output, `dumpDataDir('gzip')`), shipped next to the bundle. */
export const SEED_ARCHIVE = 'pglite-seed.tar.gz';

const BLOCK = 512;

/** Reads exact byte counts from a stream without joining its chunks into one growing buffer. */
class ExactReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private head: Buffer = Buffer.alloc(0);

  constructor(source: AsyncIterable<Buffer>) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  /** Hands `length` bytes to `sink` in pieces, in order; false when the stream ended first. */
  async read(length: number, sink: (piece: Buffer) => Promise<void> | void): Promise<boolean> {
    let left = length;
    while (left > 0) {
      if (this.head.length === 0) {
        const next = await this.chunks.next();
        if (next.done) return false;
        this.head = next.value;
      }
      const piece = this.head.subarray(0, left);
      this.head = this.head.subarray(piece.length);
      left -= piece.length;
      await sink(piece);
    }
    return true;
  }
}

const field = (header: Buffer, start: number, length: number) =>
  header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');

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
    await rm(staging, { recursive: true, force: true });
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
  const reader = new ExactReader(createReadStream(archive).pipe(createGunzip()));
  const header = Buffer.alloc(BLOCK);
  for (;;) {
    let filled = 0;
    if (!(await reader.read(BLOCK, (piece) => void (filled += piece.copy(header, filled))))) break;
    if (header.every((byte) => byte === 0)) break; // end-of-archive block
    const name = [field(header, 345, 155), field(header, 0, 100)].filter(Boolean).join('/');
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const target = join(staging, normalize(`/${name}`));
    const type = String.fromCharCode(header[156]);
    if (type === '5') await mkdir(target, { recursive: true, mode: 0o700 });
    else if (type === '0' || type === '\0') await writeEntry(reader, target, size);
    else throw new Error(`${archive}: unexpected tar entry type '${type}' for ${name}`);
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (!(await reader.read(padding, () => undefined))) throw new Error(`${archive} is truncated`);
  }
  if (!existsSync(join(staging, 'PG_VERSION'))) throw new Error(`${archive} holds no PostgreSQL data directory (no PG_VERSION)`);
}

async function writeEntry(reader: ExactReader, target: string, size: number): Promise<void> {
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const file = await open(target, 'w', 0o600);
  try {
    if (!(await reader.read(size, async (piece) => void (await file.write(piece))))) throw new Error(`the seed archive is truncated at ${target}`);
  } finally {
    await file.close();
  }
}
