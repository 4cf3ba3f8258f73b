import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { aiMemoryApp } from '../src/app';
import { tempDataDir } from './fake-embeddings';

const data = tempDataDir();
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
