import { tempDataDir } from './fake-embeddings';
import { describeMemoryBehaviour } from './memory-suite';

// The embedded default: no DATABASE_URL, PGlite in a temp directory for this file.
const data = tempDataDir();
afterAll(async () => {
  data.remove();
});

describeMemoryBehaviour({
  engine: 'pglite',
  env: () => ({ AI_MEMORY_DATA_DIR: data.dir }),
  location: () => ({ dataDir: data.dir }),
});
