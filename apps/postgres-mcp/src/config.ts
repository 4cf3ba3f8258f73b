import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envBoolean, envInt, envSecret, type WritePolicy } from '@sophia/mcp-base';
import { z } from 'zod';

export const accessModes = ['restricted', 'unrestricted'] as const;
export type AccessMode = (typeof accessModes)[number];

/** Where the embedded PGlite database lives when DATABASE_URL is unset. */
export const defaultDataDir = () => join(tmpdir(), 'sophia-postgres-mcp', 'pglite');

/** postgres-mcp's own settings, all from the environment (or Pulumi ESC). */
export const postgresConfigSchema = z.object({
  /** Any PostgreSQL connection string; unset means the embedded PGlite database. */
  DATABASE_URL: envSecret(),
  POSTGRES_DATA_DIR: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : defaultDataDir())),
  POSTGRES_ACCESS_MODE: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim().toLowerCase() : 'restricted'))
    .pipe(z.enum(accessModes)),
  POSTGRES_STATEMENT_TIMEOUT_MS: envInt(10_000),
  POSTGRES_MAX_ROWS: envInt(1_000),
  POSTGRES_POOL_SIZE: envInt(5),
  /** Restricted mode refuses a superuser / REPLICATION / BYPASSRLS role unless this is true (sql/guard.ts). */
  POSTGRES_ALLOW_SUPERUSER: envBoolean(false),
});

export type PostgresConfig = z.output<typeof postgresConfigSchema>;

/**
 * The mode calls run in. Unrestricted needs POSTGRES_ACCESS_MODE=unrestricted and no MCP_READ_ONLY
 * (read-only wins over everything, as everywhere in the fleet). Decided inside the runtime, after the
 * Pulumi ESC merge: it picks the execute_sql / explain_query variant (their annotations) and the context's mode.
 */
export function accessMode(config: Pick<PostgresConfig, 'POSTGRES_ACCESS_MODE'>, policy: WritePolicy): AccessMode {
  return config.POSTGRES_ACCESS_MODE === 'unrestricted' && !policy.readOnly ? 'unrestricted' : 'restricted';
}
