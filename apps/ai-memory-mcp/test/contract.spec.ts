import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { PgliteWorker } from '@sophia/pglite-worker';
import { aiMemoryApp } from '../src/app';
import { tempDataDir } from './fake-embeddings';

const data = tempDataDir();
// PGlite's first start runs initdb (tens of seconds on a loaded machine): done once here, not inside a
// contract check's time (its event loop is free now, so Jest's per-test timeout really fires).
beforeAll(async () => {
  await (await PgliteWorker.open(data.dir)).close();
}, 180_000);
afterAll(async () => {
  data.remove();
});

describeMcpContract({
  app: aiMemoryApp,
  // No secrets: the embedded store needs no credentials and embeddings are optional.
  configuredEnv: { AI_MEMORY_DATA_DIR: data.dir },
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_memories', arguments: { user_id: 'u1' } },
});
