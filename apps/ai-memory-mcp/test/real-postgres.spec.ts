import { startPostgresServer, type PostgresServer } from '@sophia/mcp-testing';
import { openPostgres } from '../src/db';
import { migrate, migrations } from '../src/migrations';
import { describeMemoryBehaviour } from './memory-suite';
import { describeVectorIndex } from './vector-suite';

// A real PostgreSQL server through DATABASE_URL: a throwaway cluster for this file (Debian's
// postgresql; a missing install fails here with the apt-get command, never skips).
let server: PostgresServer | undefined;

beforeAll(async () => {
  server = await startPostgresServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
}, 30_000);

const url = () => {
  if (!server) throw new Error('the PostgreSQL test server did not start');
  return server.url;
};

describeMemoryBehaviour({
  engine: 'postgresql',
  env: () => ({ DATABASE_URL: url() }),
  location: () => ({ databaseUrl: url(), poolSize: 2 }),
});

describe('real PostgreSQL specifics', () => {
  it('replicas starting together on an empty database migrate it exactly once (advisory lock)', async () => {
    const admin = await openPostgres(url(), 1);
    await admin.query('CREATE DATABASE ai_memory_race');
    await admin.close();
    const raceUrl = url().replace(/\/postgres$/, '/ai_memory_race');
    const replicas = await Promise.all([1, 2, 3, 4].map(() => openPostgres(raceUrl, 1)));
    try {
      const applied = await Promise.all(replicas.map((db) => migrate(db)));
      expect(applied.filter((versions) => versions.length > 0)).toEqual([migrations.map((migration) => migration.version)]);
    } finally {
      await Promise.all(replicas.map((db) => db.close()));
    }
  });
});

// Two pools on one fresh database: two replicas, the reader's cached vectors seeing the writer's changes.
let vectorDatabases = 0;
describeVectorIndex('postgresql, two replicas', async () => {
  const admin = await openPostgres(url(), 1);
  const name = `ai_memory_vectors_${++vectorDatabases}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const databaseUrl = url().replace(/\/postgres$/, `/${name}`);
  const [reader, writer] = await Promise.all([openPostgres(databaseUrl, 2), openPostgres(databaseUrl, 2)]);
  return { reader, writer, close: async () => void (await Promise.all([reader.close(), writer.close()])) };
});
