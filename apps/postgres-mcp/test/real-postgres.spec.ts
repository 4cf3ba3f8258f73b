import { resultJson, startPostgresServer, toolCaller, type PostgresServer } from '@sophia/mcp-testing';
import { postgresApp, postgresUnrestrictedApp } from '../src/app';
import { closeDatabases } from '../src/context';
import { describeDatabaseBehaviour } from './database-suite';

// A real PostgreSQL server: TEST_DATABASE_URL when given, else a throwaway cluster for this file
// (Debian's postgresql; a missing install fails here with the apt-get command, never skips).
let server: PostgresServer | undefined;
let url = process.env['TEST_DATABASE_URL'] ?? '';

beforeAll(async () => {
  if (!url) {
    server = await startPostgresServer({ settings: { shared_preload_libraries: 'pg_stat_statements' } });
    url = server.url;
  }
}, 60_000);

afterAll(async () => {
  await closeDatabases();
  await server?.stop();
}, 30_000);

describeDatabaseBehaviour({ engine: 'postgresql', env: () => ({ DATABASE_URL: url }) });

describe('real PostgreSQL specifics', () => {
  const callTool = (name: string, args: Record<string, unknown> = {}, env: Record<string, string> = {}) =>
    toolCaller(postgresApp, {})(name, args, { DATABASE_URL: url, ...env });

  it('enforces the statement timeout', async () => {
    const result = await callTool('execute_sql', { sql: 'SELECT pg_sleep(5)' }, { POSTGRES_STATEMENT_TIMEOUT_MS: '200' });
    expect(result.content).toEqual([
      { type: 'text', text: expect.stringMatching(/^timeout: PostgreSQL error 57014: canceling statement due to statement timeout/) },
    ]);
  });

  it('top_queries ranks statements from pg_stat_statements', async () => {
    const write = toolCaller(postgresUnrestrictedApp, { DATABASE_URL: url, POSTGRES_ACCESS_MODE: 'unrestricted' });
    expect((await write('execute_sql', { sql: 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' })).isError).toBeFalsy();
    const { queries } = resultJson(await callTool('top_queries', { sort_by: 'calls', limit: 5 })) as {
      queries: { calls: string; query: string }[];
    };
    expect(queries.length).toBeGreaterThan(0);
    expect(queries[0]).toEqual(expect.objectContaining({ calls: expect.any(String), query: expect.any(String) }));
  });
});
