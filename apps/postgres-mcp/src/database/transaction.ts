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

/**
 * The body of every call, identical on both engines, inside a transaction the engine opened
 * (READ ONLY when asked): timeout and DateStyle for this transaction only, the statement itself
 * (through a cursor for queries, so only maxRows + 1 rows leave the server), then the names of
 * the result's types. The engine rolls back (read-only) or commits afterwards.
 */
export async function runStatement(
  query: RawQuery,
  typeNames: Map<number, string>,
  sql: string,
  params: readonly unknown[],
  options: RunOptions,
): Promise<StatementResult> {
  await query(settingsSql, [String(options.timeoutMs)]);
  let raw: RawResult;
  let command: string | undefined;
  if (options.cursor) {
    const prefix = `DECLARE ${CURSOR_NAME} NO SCROLL CURSOR FOR `;
    await query(prefix + sql, params).catch((error: unknown) => {
      throw withPositionIn(sql, prefix.length, error);
    });
    raw = await query(`FETCH FORWARD ${options.maxRows + 1} FROM ${CURSOR_NAME}`, []);
    command = 'SELECT';
  } else {
    raw = await query(sql, params);
  }
  const unknown = [...new Set(raw.fields.map((field) => field.dataTypeID))].filter((oid) => !typeNames.has(oid));
  if (unknown.length > 0) {
    const names = await query(typeNamesSql, [`{${unknown.join(',')}}`]);
    for (const [oid, name] of names.rows) if (oid !== null && name !== null) typeNames.set(Number(oid), name);
  }
  return shapeResult(raw, typeNames, options.maxRows, command);
}

/** An error position points into the caller's SQL, not into the DECLARE around it. */
function withPositionIn(sql: string, shift: number, error: unknown): unknown {
  const located = error as { position?: unknown } | null;
  if (located && typeof located.position === 'string' && Number(located.position) > shift) {
    located.position = String(Math.min(Number(located.position) - shift, sql.length));
  }
  return error;
}
