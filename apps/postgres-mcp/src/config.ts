import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envBoolean, envInt, envSecret } from '@sophia/mcp-base';
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
  /** The base's read-only switch: it also forces restricted mode here. */
  MCP_READ_ONLY: envBoolean(false),
});

export type PostgresConfig = z.output<typeof postgresConfigSchema>;

/**
 * The access mode an environment asks for. Unrestricted needs POSTGRES_ACCESS_MODE=unrestricted
 * and no MCP_READ_ONLY (read-only wins over everything, as everywhere in the fleet).
 */
export function accessModeOf(env: Record<string, string | undefined>): AccessMode {
  // A bad value falls back to restricted here; the base's config parse then stops the server naming it.
  const parsed = postgresConfigSchema.pick({ POSTGRES_ACCESS_MODE: true, MCP_READ_ONLY: true }).safeParse(env);
  if (!parsed.success) return 'restricted';
  return parsed.data.POSTGRES_ACCESS_MODE === 'unrestricted' && !parsed.data.MCP_READ_ONLY ? 'unrestricted' : 'restricted';
}
