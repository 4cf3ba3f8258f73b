import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultError, toolCaller } from '@sophia/mcp-testing';
import { postgresApp } from '../src/app';
import { closeDatabases } from '../src/context';
import { describeDatabaseBehaviour } from './database-suite';

// The embedded default: no DATABASE_URL, PGlite in a temp directory.
const dataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-pglite-'));
afterAll(async () => {
  await closeDatabases();
  rmSync(dataDir, { recursive: true, force: true });
});

describeDatabaseBehaviour({ engine: 'pglite', env: () => ({ POSTGRES_DATA_DIR: dataDir }) });

describe('embedded PGlite specifics', () => {
  it('top_queries says clearly that pg_stat_statements is absent', async () => {
    const callTool = toolCaller(postgresApp, { POSTGRES_DATA_DIR: dataDir });
    expect(resultError(await callTool('top_queries'))).toMatch(
      /^not_found: pg_stat_statements is not installed in this embedded PGlite database: add it to shared_preload_libraries/,
    );
  });
});
