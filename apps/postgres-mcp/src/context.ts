import { SharedResources, toolDefiner, withLifecycle, type ContextDeps, type Logger } from '@sophia/mcp-base';
import { accessMode, type AccessMode, type PostgresConfig } from './config';
import type { Database } from './database/database';
import { PgDatabase } from './database/pg-database';
import { PgliteDatabase } from './database/pglite-database';

export interface PostgresContext {
  db: Database;
  /** The mode calls run in (POSTGRES_ACCESS_MODE, forced restricted by MCP_READ_ONLY). */
  mode: AccessMode;
  maxRows: number;
  timeoutMs: number;
  /** POSTGRES_ALLOW_SUPERUSER: restricted mode may run SQL as a privileged role. */
  allowSuperuser: boolean;
}

/** defineTool bound to this app's context and config: tool files need no type annotations. */
export const definePostgresTool = toolDefiner<PostgresContext, PostgresConfig>();

/** A connection pool for DATABASE_URL, else the embedded PGlite database in POSTGRES_DATA_DIR. */
export function openDatabase(config: PostgresConfig, logger: Logger): Database {
  return config.DATABASE_URL
    ? new PgDatabase(config.DATABASE_URL, { poolSize: config.POSTGRES_POOL_SIZE, logger })
    : new PgliteDatabase(config.POSTGRES_DATA_DIR);
}

/** The databases of one app definition, one per connection string or data directory. */
export type DatabaseRegistry = SharedResources<Database>;
export const databaseRegistry = (): DatabaseRegistry => new SharedResources<Database>((db) => db.close());
export const databaseKey = (config: PostgresConfig) =>
  config.DATABASE_URL ? `pg:${config.DATABASE_URL}` : `pglite:${config.POSTGRES_DATA_DIR}`;

/**
 * The context factory of one app definition. Its contexts share one database per connection
 * string or data directory (two PGlite instances must never open the same directory; tests build
 * many runtimes); the last context disposed closes it, after its in-flight calls finished.
 */
export function postgresContextFactory(databases: DatabaseRegistry) {
  return async (config: PostgresConfig, deps: ContextDeps) => {
    const lease = databases.acquire(databaseKey(config), async () => openDatabase(config, deps.logger));
    const db = await lease.value;
    const context: PostgresContext = {
      db,
      mode: accessMode(config, deps.policy),
      maxRows: config.POSTGRES_MAX_ROWS,
      timeoutMs: config.POSTGRES_STATEMENT_TIMEOUT_MS,
      allowSuperuser: config.POSTGRES_ALLOW_SUPERUSER,
    };
    return withLifecycle(context, {
      // Ready once the database answers: an unreachable server or a broken data directory shows on /readyz.
      ready: async () => {
        await db.run('SELECT 1', [], { readOnly: true, timeoutMs: context.timeoutMs, maxRows: 1 });
      },
      dispose: lease.release,
    });
  };
}
