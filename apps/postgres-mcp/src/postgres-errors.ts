import { ToolError } from '@sophia/mcp-base';

interface PostgresError {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  position?: string;
}

/** pg and PGlite both throw errors carrying PostgreSQL's SQLSTATE in `code`. */
function isPostgresError(error: unknown): error is PostgresError {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN']);

/**
 * Maps database errors to ToolErrors once for every tool: the SQLSTATE class decides the kind,
 * PostgreSQL's own message (with detail, hint and position) is the text.
 */
export function mapPostgresError(error: unknown): ToolError | undefined {
  if (isPostgresError(error)) {
    const extras = [
      error.detail && `Detail: ${error.detail}`,
      error.hint && `Hint: ${error.hint}`,
      error.position && `At character ${error.position}.`,
    ].filter(Boolean);
    const text = `PostgreSQL error ${error.code}: ${error.message}${extras.length ? `. ${extras.join(' ')}` : ''}`;
    const cls = error.code.slice(0, 2);
    if (error.code === '25006') {
      return new ToolError('forbidden', `${text} (restricted mode runs every statement in a READ ONLY transaction; writes need POSTGRES_ACCESS_MODE=unrestricted)`);
    }
    if (error.code === '57014') return new ToolError('timeout', `${text} (POSTGRES_STATEMENT_TIMEOUT_MS)`);
    if (error.code === '42501') return new ToolError('forbidden', text);
    if (cls === '28') return new ToolError('unauthorized', text);
    if (cls === '23' || cls === '40') return new ToolError('conflict', text);
    if (['08', '53', '54', '55', '57', '58', 'XX', '3D'].includes(cls)) return new ToolError('upstream_error', text);
    // Syntax, undefined objects, data exceptions, features, read-only refusals: the caller's SQL.
    return ToolError.invalidInput(text);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new ToolError('upstream_error', `cannot reach PostgreSQL (${code}): ${error.message}. Check DATABASE_URL.`);
  }
  if (error instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(error.message)) {
    return new ToolError('upstream_error', `cannot reach PostgreSQL: ${error.message}. Check DATABASE_URL.`);
  }
  return undefined;
}
