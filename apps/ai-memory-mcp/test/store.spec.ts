import { resultError, toolCaller } from '@sophia/mcp-testing';
import { aiMemoryApp } from '../src/app';
import { closeDatabases } from '../src/context';
import { openPglite } from '../src/db';
import { migrate, migrations } from '../src/migrations';
import { tempDataDir } from './fake-embeddings';

// PGlite only: no PostgreSQL test server helper exists in @sophia/mcp-testing yet.
describe('schema migrations on PGlite', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('apply every version once, record them, and keep data across a reopen', async () => {
    const first = await openPglite(data.dir);
    expect(await migrate(first)).toEqual(migrations.map((migration) => migration.version));
    expect(await migrate(first)).toEqual([]);
    await first.query(`INSERT INTO ai_memory_memories (id, user_id, namespace, text) VALUES ('m1', 'u', 'default', 'kept')`);
    await first.close();

    const second = await openPglite(data.dir);
    expect(await migrate(second)).toEqual([]);
    const { rows: versions } = await second.query<{ version: number }>('SELECT version FROM ai_memory_schema_migrations ORDER BY version');
    expect(versions.map((row) => Number(row.version))).toEqual(migrations.map((migration) => migration.version));
    const { rows } = await second.query<{ text: string }>('SELECT text FROM ai_memory_memories');
    expect(rows).toEqual([{ text: 'kept' }]);
    await second.close();
  });
});

describe('store failures', () => {
  afterAll(() => closeDatabases());

  it('an unreachable PostgreSQL is an upstream_error that names DATABASE_URL and not its password', async () => {
    const callTool = toolCaller(aiMemoryApp, { DATABASE_URL: 'postgres://memory:s3cret-pw@127.0.0.1:1/memory' });
    const message = resultError(await callTool('list_memories', { user_id: 'u' }));
    expect(message).toMatch(/^upstream_error: could not open the memory store: could not reach PostgreSQL \(DATABASE_URL\): ECONNREFUSED/);
    expect(message).not.toContain('s3cret-pw');
  });

  it('a data directory that cannot be created fails the calls, not the server', async () => {
    const callTool = toolCaller(aiMemoryApp, { AI_MEMORY_DATA_DIR: '/proc/ai-memory-cannot-exist' });
    const result = await callTool('list_memories', { user_id: 'u' });
    expect(resultError(result)).toMatch(/^upstream_error: could not open the memory store: PGlite \(AI_MEMORY_DATA_DIR\): /);
    // The failure is not cached: a later call tries again (and here fails again the same way).
    const again = await callTool('get_memory', { user_id: 'u', id: '00000000-0000-4000-8000-000000000000' });
    expect(resultError(again)).toMatch(/^upstream_error: could not open the memory store/);
  });
});
