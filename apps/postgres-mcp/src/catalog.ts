import { decodeCursor, encodeCursor } from '@sophia/mcp-base';
import type { PostgresContext } from './context';

/** Internal catalog queries: read-only transaction, the configured timeout, no cursor. */
export async function catalogRows(ctx: PostgresContext, sql: string, params: unknown[] = [], maxRows = 10_000) {
  const result = await ctx.db.run(sql, params, { readOnly: true, timeoutMs: ctx.timeoutMs, maxRows });
  return result.rows;
}

/** Offset pagination over a catalog query that selects limit + 1 rows. */
export function offsetOf(cursor: string | undefined): number {
  const offset = decodeCursor<{ offset?: unknown }>(cursor)?.offset ?? 0;
  return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : 0;
}

export function page<T>(rows: T[], offset: number, limit: number): { items: T[]; nextCursor?: string } {
  return rows.length > limit
    ? { items: rows.slice(0, limit), nextCursor: encodeCursor({ offset: offset + limit }) }
    : { items: rows };
}

/** A SQL parameter as the JSON input carries it. */
export const sqlParam = (value: unknown): unknown =>
  value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
