import { SharedResources, UpstreamClient, toolDefiner, withLifecycle, type ContextDeps, type Lease, type Logger } from '@sophia/mcp-base';
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

/** The open, migrated stores of one app definition, one per location (a data directory or DATABASE_URL). */
export type StoreRegistry = SharedResources<Database>;
export const storeRegistry = (): StoreRegistry => new SharedResources<Database>((db) => db.close());

export const locationOf = (config: AiMemoryConfig): DatabaseLocation =>
  config.DATABASE_URL
    ? { databaseUrl: config.DATABASE_URL, poolSize: config.AI_MEMORY_PG_POOL_SIZE }
    : { dataDir: config.AI_MEMORY_DATA_DIR };

function openMigrated(location: DatabaseLocation, logger: Logger): Promise<Database> {
  const kind = 'databaseUrl' in location ? 'postgres' : 'pglite';
  return openDatabase(location)
    .then(async (db) => {
      const applied = await migrate(db);
      logger.info({ store: db.kind, migrationsApplied: applied }, 'memory store ready');
      return db;
    })
    .catch((error: unknown) => {
      const failure = new StoreOpenError(kind, error);
      logger.error({ err: failure }, 'memory store could not be opened');
      throw failure;
    });
}

/**
 * One context's hold on its store: shared with the other contexts of the app at the same location,
 * opened by the first, closed by the last. A failed open is let go at once, so the next call (or
 * readiness probe) tries again: PostgreSQL may come up after us.
 */
function storeHandle(stores: StoreRegistry, location: DatabaseLocation, logger: Logger) {
  let lease: Lease<Database> | undefined;
  return {
    database(): Promise<Database> {
      const held = (lease ??= stores.acquire(JSON.stringify(location), () => openMigrated(location, logger)));
      return held.value.catch(async (error: unknown) => {
        if (lease === held) lease = undefined;
        await held.release();
        throw error;
      });
    },
    release: () => lease?.release() ?? Promise.resolve(),
  };
}

/** The context factory of one app definition; the only place that reads DATABASE_URL and the embeddings key. */
export function aiMemoryContextFactory(stores: StoreRegistry) {
  return (config: AiMemoryConfig, deps: ContextDeps) => {
    const handle = storeHandle(stores, locationOf(config), deps.logger);
    const endpoint = embeddingsEndpoint(config);
    const context: AiMemoryContext = {
      store: new MemoryStore(() => handle.database()),
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
    // Ready once the store is open and migrated; SIGTERM lets it go after the in-flight calls.
    return withLifecycle(context, { ready: async () => void (await handle.database()), dispose: handle.release });
  };
}
