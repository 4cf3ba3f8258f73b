import { UpstreamClient, toolDefiner, type ContextDeps, type Logger } from '@sophia/mcp-base';
import { embeddingsEndpoint, type AiMemoryConfig } from './config';
import { StoreOpenError } from './db-errors';
import { openDatabase, type Database, type DatabaseLocation } from './db';
import { Embeddings } from './embeddings';
import { migrate } from './migrations';
import { MemoryStore } from './store';

export interface AiMemoryContext {
  store: MemoryStore;
  /** Present only when an embeddings endpoint is configured; without it search is full-text only. */
  embeddings?: Embeddings;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineAiMemoryTool = toolDefiner<AiMemoryContext>();

/**
 * One open, migrated database per location and process. The base builds a context per runtime
 * (one in a server, many in tests); they share the database. A failed open is forgotten so the
 * next call tries again (PostgreSQL may come up after us).
 */
const databases = new Map<string, Promise<Database>>();

function databaseFor(location: DatabaseLocation, logger: Logger): Promise<Database> {
  const key = JSON.stringify(location);
  let database = databases.get(key);
  if (!database) {
    const kind = 'databaseUrl' in location ? 'postgres' : 'pglite';
    database = openDatabase(location)
      .then(async (db) => {
        const applied = await migrate(db);
        logger.info({ store: db.kind, migrationsApplied: applied }, 'memory store ready');
        return db;
      })
      .catch((error: unknown) => {
        throw new StoreOpenError(kind, error);
      });
    databases.set(key, database);
    database.catch((error: unknown) => {
      databases.delete(key);
      logger.error({ err: error }, 'memory store could not be opened');
    });
  }
  return database;
}

/** Closes every database this process opened (tests; the server exits instead). */
export async function closeDatabases(): Promise<void> {
  const open = [...databases.values()];
  databases.clear();
  await Promise.all(open.map((database) => database.then((db) => db.close(), () => undefined)));
}

/** The only place that reads DATABASE_URL and the embeddings key. Opens (and migrates) the store at start. */
export function createAiMemoryContext(config: AiMemoryConfig, deps: Pick<ContextDeps, 'logger' | 'upstreamFetch'>): AiMemoryContext {
  const location: DatabaseLocation = config.DATABASE_URL
    ? { databaseUrl: config.DATABASE_URL, poolSize: config.AI_MEMORY_PG_POOL_SIZE }
    : { dataDir: config.AI_MEMORY_DATA_DIR };
  const endpoint = embeddingsEndpoint(config);
  return {
    store: new MemoryStore(databaseFor(location, deps.logger)),
    embeddings: endpoint
      ? new Embeddings(
          new UpstreamClient({
            service: 'Embeddings API',
            baseUrl: endpoint,
            fetch: deps.upstreamFetch('Embeddings API'),
            headers: config.EMBEDDINGS_API_KEY ? { authorization: `Bearer ${config.EMBEDDINGS_API_KEY}` } : {},
          }),
          config.EMBEDDINGS_MODEL,
        )
      : undefined,
  };
}
