import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { aiMemoryApp } from '../src/app';
import { closeDatabases } from '../src/context';
import { tempDataDir } from './fake-embeddings';

const data = tempDataDir();
afterAll(async () => {
  await closeDatabases();
  data.remove();
});

describeMcpContract({
  app: aiMemoryApp,
  expectedTools: [
    'search_memories',
    'get_memory',
    'list_memories',
    'add_memory',
    'update_memory',
    'delete_memory',
    'list_entities',
  ],
  writeTools: ['add_memory', 'update_memory', 'delete_memory'],
  // No secrets: the embedded store needs no credentials and embeddings are optional.
  configuredEnv: { AI_MEMORY_DATA_DIR: data.dir },
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_memories', arguments: { user_id: 'u1' } },
});
