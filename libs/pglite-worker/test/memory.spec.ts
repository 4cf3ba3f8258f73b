import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PgliteWorker } from '../src';
import { unpackSeed } from '../src/seed';
import { seedArchive } from '../src/worker-script';

jest.setTimeout(60_000);

const SYSTEM_ID = 'SELECT system_identifier::text AS id FROM pg_control_system()';

describe('PGlite memory: seed data directory and memory settings', () => {
  const root = mkdtempSync(join(tmpdir(), 'pglite-memory-spec-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('first start unpacks the seed (no in-process initdb) and runs with small buffers', async () => {
    const dataDir = join(root, 'fresh');
    const db = await PgliteWorker.open(dataDir);
    try {
      // initdb draws a new system identifier each time: two first starts sharing one came from the seed.
      const other = await PgliteWorker.open(join(root, 'other'));
      const identifiers = await Promise.all([db, other].map(async (store) => (await store.query(SYSTEM_ID)).rows[0]));
      await other.close();
      expect(identifiers[0]).toEqual(identifiers[1]);
      const settings = await db.query<{ name: string; setting: string; unit: string }>(
        "SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem') ORDER BY name",
      );
      expect(settings.rows).toEqual([
        { name: 'maintenance_work_mem', setting: String(4 * 1024), unit: 'kB' },
        { name: 'shared_buffers', setting: String((8 * 1024) / 8), unit: '8kB' },
        { name: 'work_mem', setting: String(2 * 1024), unit: 'kB' },
      ]);
      await db.query('CREATE TABLE kept (id int)');
      await db.query('INSERT INTO kept VALUES (1)');
    } finally {
      await db.close();
    }
    const reopened = await PgliteWorker.open(dataDir);
    try {
      expect((await reopened.query<{ id: number }>('SELECT id FROM kept')).rows).toEqual([{ id: 1 }]);
    } finally {
      await reopened.close();
    }
  });

  it('ships a seed that the installed PGlite opens (regenerate with libs/pglite-worker/scripts/make-seed.mjs)', () => {
    expect(seedArchive()).toBeDefined();
  });

  it('leaves an existing database alone and refuses a directory with other files', async () => {
    const archive = seedArchive() as string;
    const existing = join(root, 'existing');
    mkdirSync(existing);
    writeFileSync(join(existing, 'PG_VERSION'), '17\n');
    await unpackSeed(archive, existing);
    expect(existsSync(join(existing, 'base'))).toBe(false);

    const cluttered = join(root, 'cluttered');
    mkdirSync(cluttered);
    writeFileSync(join(cluttered, 'notes.txt'), 'not a database');
    await expect(unpackSeed(archive, cluttered)).rejects.toThrow(/holds files but no PostgreSQL database/);
    expect(existsSync(join(cluttered, 'base'))).toBe(false);
  });

  it('refuses a truncated or damaged seed and leaves no directory behind', async () => {
    const seed = readFileSync(seedArchive() as string);
    const truncated = join(root, 'truncated.tar.gz');
    writeFileSync(truncated, seed.subarray(0, seed.length / 2));
    await expect(unpackSeed(truncated, join(root, 'from-truncated'))).rejects.toThrow(/unexpected end of file/);
    const damaged = join(root, 'damaged.tar.gz');
    const tar = gunzipSync(seed);
    tar.fill(0x41, 1024, 1124); // the second entry's name: its header checksum no longer matches
    writeFileSync(damaged, gzipSync(tar));
    await expect(unpackSeed(damaged, join(root, 'from-damaged'))).rejects.toThrow(/is damaged \(TAR_ENTRY_INVALID/);
    expect(readdirSync(root).filter((name) => name.startsWith('from-'))).toEqual([]);
  });

  it('fails at once where the directory cannot be created (under /proc), instead of never settling', async () => {
    await expect(unpackSeed(seedArchive() as string, '/proc/pglite-seed-cannot-exist/data')).rejects.toThrow(/ENOENT|EACCES|EPERM/);
    await expect(unpackSeed(seedArchive() as string, '/proc/pglite-seed-cannot-exist')).rejects.toThrow(/ENOENT|EACCES|EPERM/);
  });
});
