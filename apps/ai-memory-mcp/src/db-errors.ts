import { ToolError } from '@sophia/mcp-base';

/** The store could not be opened or migrated; each call reports it (and the next one retries). */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';

  constructor(
    readonly store: 'pglite' | 'postgres',
    cause: unknown,
  ) {
    super(`could not open the memory store: ${describe(store, cause)}`, { cause });
  }
}

function describe(store: 'pglite' | 'postgres', cause: unknown): string {
  const code = codeOf(cause);
  if (store === 'postgres' && code && NETWORK_CODES.test(code)) return `could not reach PostgreSQL (DATABASE_URL): ${code}`;
  const message = messageOf(cause);
  // pg's messages name host and database at most, never the password; PGlite's name the directory.
  return store === 'postgres' ? `PostgreSQL (DATABASE_URL): ${message}` : `PGlite (AI_MEMORY_DATA_DIR): ${message}`;
}

const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|EAI_AGAIN)$/;

// Errors of Node's net layer may come from another realm (Jest's VM), so no instanceof Error.
const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined;
const messageOf = (error: unknown) =>
  typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
    ? (error as { message: string }).message
    : String(error);

/**
 * Database failures → ToolError, once for every tool. PGlite and node-postgres both report
 * SQLSTATE in `code`; pg's network failures carry Node's errno codes.
 */
export function databaseErrorToToolError(error: unknown): ToolError | undefined {
  if (error instanceof StoreOpenError) return new ToolError('upstream_error', error.message, { cause: error });
  const code = codeOf(error);
  if (!code) return undefined;
  const message = messageOf(error);
  const cause = { cause: error };
  if (NETWORK_CODES.test(code)) return new ToolError('upstream_error', `could not reach PostgreSQL (DATABASE_URL): ${code}`, cause);
  if (!/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === '23505') return new ToolError('conflict', `the memory store refused a duplicate: ${message}`, cause);
  if (code === '57014') return new ToolError('timeout', 'the memory store cancelled the statement (timeout)', cause);
  if (code.startsWith('22')) return new ToolError('invalid_input', `the memory store rejected a value: ${message}`, cause);
  if (code.startsWith('28')) return new ToolError('unauthorized', `PostgreSQL refused the credentials in DATABASE_URL: ${message}`, cause);
  if (/^(08|53|57|58|3D)/.test(code)) return new ToolError('upstream_error', `the memory database is unavailable: ${message}`, cause);
  return undefined;
}
