import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { postgresApp, postgresUnrestrictedApp } from '../src/app';
import { closeDatabases } from '../src/context';

const dataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-contract-'));
afterAll(async () => {
  await closeDatabases();
  rmSync(dataDir, { recursive: true, force: true });
});

const tools = ['list_schemas', 'list_objects', 'describe_object', 'execute_sql', 'explain_query', 'top_queries', 'db_health'];

// The default (restricted): every tool is read-only; no DATABASE_URL needed (embedded PGlite).
describeMcpContract({
  app: postgresApp,
  expectedTools: tools,
  writeTools: [],
  configuredEnv: { POSTGRES_DATA_DIR: dataDir },
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_schemas', arguments: {} },
});

// POSTGRES_ACCESS_MODE=unrestricted: execute_sql writes (destructive), explain_query may ANALYZE.
describeMcpContract({
  app: postgresUnrestrictedApp,
  expectedTools: tools,
  writeTools: ['execute_sql', 'explain_query'],
  configuredEnv: { POSTGRES_DATA_DIR: dataDir, POSTGRES_ACCESS_MODE: 'unrestricted' },
  snapshotDir: join(__dirname, '__toolsnaps__', 'unrestricted'),
  sampleCall: { name: 'list_schemas', arguments: {} },
});
