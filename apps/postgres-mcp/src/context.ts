import { toolDefiner, type Logger } from '@sophia/mcp-base';
import type { AccessMode, PostgresConfig } from './config';
import type { Database } from './database/database';
import { PgDatabase } from './database/pg-database';
import { PgliteDatabase } from './database/pglite-database';

export interface PostgresContext {
  db: Database;
  /** The mode calls really run in: unrestricted only when the tool list and the config both say so. */
  mode: AccessMode;
  maxRows: number;
  timeoutMs: number;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const definePostgresTool = toolDefiner<PostgresContext>();

/**
 * One database per connection string or data directory for the whole process: the base builds a
 * context per runtime, and two PGlite instances must never open the same directory.
 */
const databases = new Map<string, Database>();

function databaseFor(config: PostgresConfig, logger: Logger): Database {
  const key = config.DATABASE_URL ? `pg:${config.DATABASE_URL}` : `pglite:${config.POSTGRES_DATA_DIR}`;
  let db = databases.get(key);
  if (!db) {
    db = config.DATABASE_URL
      ? new PgDatabase(config.DATABASE_URL, { poolSize: config.POSTGRES_POOL_SIZE, logger })
      : new PgliteDatabase(config.POSTGRES_DATA_DIR);
    databases.set(key, db);
  }
  return db;
}

/** Closes every open database (tests; the process otherwise keeps them until it exits). */
export async function closeDatabases(): Promise<void> {
  const open = [...databases.values()];
  databases.clear();
  await Promise.all(open.map((db) => db.close()));
}

/**
 * The context for a tool list built for `toolMode`. The stricter of the tool list's mode and the
 * configured mode wins, so annotations can over-warn but never under-warn.
 */
export function postgresContextFactory(toolMode: AccessMode) {
  return (config: PostgresConfig, deps: { logger: Logger }): PostgresContext => {
    const configured = config.POSTGRES_ACCESS_MODE === 'unrestricted' && !config.MCP_READ_ONLY ? 'unrestricted' : 'restricted';
    const mode = toolMode === 'unrestricted' && configured === 'unrestricted' ? 'unrestricted' : 'restricted';
    if (configured !== toolMode) {
      deps.logger.warn(
        { toolMode, configured },
        'POSTGRES_ACCESS_MODE / MCP_READ_ONLY differ between the process environment and the configuration ' +
          '(Pulumi ESC?): running restricted. Set them in the process environment.',
      );
    }
    return {
      db: databaseFor(config, deps.logger),
      mode,
      maxRows: config.POSTGRES_MAX_ROWS,
      timeoutMs: config.POSTGRES_STATEMENT_TIMEOUT_MS,
    };
  };
}
