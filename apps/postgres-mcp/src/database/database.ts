import type { CatalogMemo } from './catalog-memo';
import { formatValue } from './values';

/** How one statement runs: always alone, in its own transaction. */
export interface RunOptions {
  /** READ ONLY transaction, always rolled back. */
  readOnly: boolean;
  /** statement_timeout for the transaction, in milliseconds. */
  timeoutMs: number;
  /** At most this many rows come back; more set `truncated`. */
  maxRows: number;
  /** Wrap a query in a server-side cursor and fetch only maxRows + 1 rows. */
  cursor?: boolean;
  /** Roll back even a read-write transaction (EXPLAIN ANALYZE of a write). */
  rollback?: boolean;
}

export interface Column {
  name: string;
  type: string;
}

export interface StatementResult {
  command: string;
  columns: Column[];
  /** One object per row, keyed by column name (a repeated name gets a _2, _3 … suffix). */
  rows: Record<string, unknown>[];
  /** Rows the statement affected or returned, as PostgreSQL counts them (null when unknown). */
  rowCount: number | null;
  truncated: boolean;
}

/**
 * The role a PostgreSQL server runs our statements as, with the attributes that reach past one
 * database's data: a superuser reads and writes server files, runs programs, signals backends and
 * reloads the configuration; REPLICATION streams everything; BYPASSRLS ignores row security.
 */
export interface ConnectedRole {
  name: string;
  superuser: boolean;
  replication: boolean;
  bypassRls: boolean;
}

export const connectedRoleSql =
  'SELECT current_user AS name, rolsuper, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user';

/** The one interface both engines implement: parameters, row cap, timeout, read-only transaction. */
export interface Database {
  readonly engine: 'postgresql' | 'pglite';
  run(sql: string, params: readonly unknown[], options: RunOptions): Promise<StatementResult>;
  /**
   * Remembers catalog facts between calls where only this process changes them (embedded PGlite);
   * absent where other sessions may change them at any moment (a PostgreSQL server).
   */
  readonly catalogMemo?: CatalogMemo;
  /** The server role (asked once per process); null for embedded PGlite, which has no other sessions or server. */
  connectedRole(): Promise<ConnectedRole | null>;
  close(): Promise<void>;
}

/** What a driver hands back, values still PostgreSQL's text. */
export interface RawResult {
  command: string;
  fields: { name: string; dataTypeID: number }[];
  rows: (string | null)[][];
  rowCount: number | null;
}

/** The SQL of one transaction, shared by both engines. */
export const CURSOR_NAME = 'sophia_mcp_cursor';
export const settingsSql = "SELECT set_config('statement_timeout', $1, true), set_config('DateStyle', 'ISO, YMD', true)";
export const typeNamesSql = 'SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY($1::text::oid[])';

/** Shapes a driver result: type names, capped rows, JSON-safe values. */
export function shapeResult(
  raw: RawResult,
  typeNames: ReadonlyMap<number, string>,
  maxRows: number,
  command = raw.command,
): StatementResult {
  const names = uniqueNames(raw.fields.map((field) => field.name));
  const truncated = raw.rows.length > maxRows;
  const rows = raw.rows.slice(0, maxRows).map((values) => {
    const row: Record<string, unknown> = {};
    raw.fields.forEach((field, index) => {
      row[names[index]] = formatValue(values[index] ?? null, field.dataTypeID);
    });
    return row;
  });
  return {
    command,
    columns: raw.fields.map((field, index) => ({
      name: names[index],
      type: typeNames.get(field.dataTypeID) ?? `oid ${field.dataTypeID}`,
    })),
    rows,
    rowCount: truncated ? null : raw.rowCount,
    truncated,
  };
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}
