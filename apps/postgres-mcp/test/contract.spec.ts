import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { PgliteWorker } from '@sophia/pglite-worker';
import { postgresApp } from '../src/app';

const dataDir = mkdtempSync(join(tmpdir(), 'postgres-mcp-contract-'));
// PGlite's first start runs initdb (tens of seconds on a loaded machine): done once here, not inside a
// contract check's time (its event loop is free now, so Jest's per-test timeout really fires).
beforeAll(async () => {
  await (await PgliteWorker.open(dataDir)).close();
}, 180_000);
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
});

// The default (restricted): every tool is read-only; no DATABASE_URL needed (embedded PGlite).
describeMcpContract({
  app: postgresApp,
  configuredEnv: { POSTGRES_DATA_DIR: dataDir },
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_schemas', arguments: {} },
});

// POSTGRES_ACCESS_MODE=unrestricted: execute_sql writes (destructive), explain_query may ANALYZE.
describeMcpContract({
  app: postgresApp,
  configuredEnv: { POSTGRES_DATA_DIR: dataDir, POSTGRES_ACCESS_MODE: 'unrestricted' },
  snapshotDir: join(__dirname, '__toolsnaps__', 'unrestricted'),
  sampleCall: { name: 'list_schemas', arguments: {} },
});
