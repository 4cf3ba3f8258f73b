import {
  CURSOR_NAME,
  settingsSql,
  shapeResult,
  typeNamesSql,
  type RawResult,
  type RunOptions,
  type StatementResult,
} from './database';

/** One round trip on an open transaction, values as PostgreSQL's text. */
export type RawQuery = (sql: string, params: readonly unknown[]) => Promise<RawResult>;

/** One statement of a call's transaction. */
export interface CallStep {
  sql: string;
  params: readonly unknown[];
}

const DECLARE_PREFIX = `DECLARE ${CURSOR_NAME} NO SCROLL CURSOR FOR `;

/**
 * The body of every call, identical on both engines, inside a transaction the engine opened
 * (READ ONLY when asked): timeout and DateStyle for this transaction only, then the statement
 * itself (through a cursor for queries, so only maxRows + 1 rows leave the server). The last
 * step's result is the statement's. `declareStep` is the index of the DECLARE, if any.
 */
export function callSteps(sql: string, params: readonly unknown[], options: RunOptions): { steps: CallStep[]; declareStep?: number } {
  const settings: CallStep = { sql: settingsSql, params: [String(options.timeoutMs)] };
  if (!options.cursor) return { steps: [settings, { sql, params }] };
  const fetch: CallStep = { sql: `FETCH FORWARD ${options.maxRows + 1} FROM ${CURSOR_NAME}`, params: [] };
  return { steps: [settings, { sql: DECLARE_PREFIX + sql, params }, fetch], declareStep: 1 };
}

/** Runs the call's steps one round trip each (see callSteps), then shapes the result. */
export async function runStatement(
  query: RawQuery,
  typeNames: Map<number, string>,
  sql: string,
  params: readonly unknown[],
  options: RunOptions,
): Promise<StatementResult> {
  const { steps, declareStep } = callSteps(sql, params, options);
  let raw: RawResult | undefined;
  for (const [index, step] of steps.entries()) {
    raw = await query(step.sql, step.params).catch((error: unknown) => {
      throw index === declareStep ? withPositionIn(sql, error) : error;
    });
  }
  return shapeStatement(raw as RawResult, query, typeNames, options);
}

/** The statement's result with its type names (asked once per type and remembered in `typeNames`). */
export async function shapeStatement(
  raw: RawResult,
  query: RawQuery,
  typeNames: Map<number, string>,
  options: RunOptions,
): Promise<StatementResult> {
  const unknown = [...new Set(raw.fields.map((field) => field.dataTypeID))].filter((oid) => !typeNames.has(oid));
  if (unknown.length > 0) {
    const names = await query(typeNamesSql, [`{${unknown.join(',')}}`]);
    for (const [oid, name] of names.rows) if (oid !== null && name !== null) typeNames.set(Number(oid), name);
  }
  return shapeResult(raw, typeNames, options.maxRows, options.cursor ? 'SELECT' : undefined);
}

/** An error position points into the caller's SQL, not into the DECLARE around it. */
export function withPositionIn(sql: string, error: unknown): unknown {
  const shift = DECLARE_PREFIX.length;
  const located = error as { position?: unknown } | null;
  if (located && typeof located.position === 'string' && Number(located.position) > shift) {
    located.position = String(Math.min(Number(located.position) - shift, sql.length));
  }
  return error;
}
