/** The messages between the main thread (PgliteWorker) and the worker thread (servePgliteWorker). */

/** What the worker thread is started with (`workerData`). */
export interface WorkerSetup {
  dataDir: string;
  /** PGlite contrib extensions to load, so the store's migrations can CREATE EXTENSION them. */
  extensions?: ContribExtension[];
  /** The pre-initialised data directory archive unpacked into an empty `dataDir` (see seed.ts). */
  seed?: string;
}

/** The contrib extensions a store can ask for (their archives ship in @electric-sql/pglite). */
export type ContribExtension = 'pg_trgm';

export interface QueryOptions {
  /** Rows as arrays instead of objects keyed by column name. */
  rowMode?: 'array' | 'object';
  /** Every value stays PostgreSQL's text output (no parsing into numbers, dates, JSON). */
  raw?: boolean;
}

/** One statement of a batch (PgliteWorker.batch). */
export interface QueryStep {
  sql: string;
  params?: readonly unknown[];
  options?: QueryOptions;
}

export type Request =
  | { op: 'open' }
  | { op: 'query'; sql: string; params: unknown[]; options: QueryOptions; tx?: number }
  | { op: 'batch'; steps: QueryStep[]; commit: boolean }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

export interface QueryResult<T> {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
  /** Rows the command tag reports ("SELECT 3", "UPDATE 2"). */
  rowCount?: number;
  command?: string;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/** An error as plain data: name, message and PostgreSQL's fields (code, detail, hint, position, …). */
export type SerializedError = Record<string, string | number>;

/**
 * Structured clone keeps an Error's message but drops its own fields, and PostgreSQL's SQLSTATE
 * (`code`), `detail`, `hint` and `position` are what the apps map errors by: copy them as data.
 */
export function serializeError(error: unknown): SerializedError {
  const fields: SerializedError = {};
  if (typeof error === 'object' && error !== null) {
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
    }
  }
  fields['message'] = error instanceof Error ? error.message : String(error);
  return fields;
}

/** The worker's error back as an Error of this thread, with the same fields. */
export function deserializeError(fields: SerializedError): Error {
  const { message, name, ...rest } = fields;
  const error = new Error(String(message));
  Object.assign(error, rest);
  // PGlite's DatabaseError is named "error" (the protocol message name); keep a readable name.
  if (typeof name === 'string' && name !== 'error') error.name = name;
  return error;
}
