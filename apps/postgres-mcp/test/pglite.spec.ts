import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultError, toolCaller } from '@sophia/mcp-testing';
import { postgresApp } from '../src/app';
import { describeDatabaseBehaviour } from './database-suite';
import { describeShadowedBuiltins } from './user-code-suite';

// The embedded default: no DATABASE_URL, PGlite in a temp directory.
const dataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-pglite-'));
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
});

// PGlite is embedded: no other sessions, no server files or configuration, so no role to restrict.
const env = () => ({ POSTGRES_DATA_DIR: dataDir });
describeDatabaseBehaviour({ engine: 'pglite', env, readerEnv: env });
describeShadowedBuiltins({ engine: 'pglite', env, readerEnv: env });

describe('embedded PGlite specifics', () => {
  it('top_queries says clearly that pg_stat_statements is absent', async () => {
    const callTool = toolCaller(postgresApp, { POSTGRES_DATA_DIR: dataDir });
    expect(resultError(await callTool('top_queries'))).toMatch(
      /^not_found: pg_stat_statements is not installed in this embedded PGlite database: add it to shared_preload_libraries/,
    );
  });
});
