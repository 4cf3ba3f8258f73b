import { openPglite } from '../src/db';
import { tempDataDir } from './fake-embeddings';
import { describeVectorIndex } from './vector-suite';

// PGlite has one connection per store: the "other writer" is a second MemoryStore on it, writing only
// through SQL, which is all the index may learn from.
describeVectorIndex('pglite', async () => {
  const data = tempDataDir();
  const db = await openPglite(data.dir);
  return {
    reader: db,
    writer: db,
    close: async () => {
      await db.close();
      data.remove();
    },
  };
});
