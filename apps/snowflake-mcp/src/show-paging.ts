import { decodeCursor, encodeCursor } from '@sophia/mcp-base';
import type { SnowflakeApi } from './snowflake-api';
import { stringLiteral } from './sql-guard';

type Row = Record<string, string | null>;

/**
 * One page of a SHOW command, paged the way Snowflake offers: `LIMIT <n> FROM '<last name>'`
 * (rows whose names follow the last one seen). The cursor holds that name.
 */
export async function showPage(
  snowflake: SnowflakeApi,
  show: string,
  page: { cursor?: string; limit: number },
  signal: AbortSignal,
): Promise<{ rows: Row[]; nextCursor?: string }> {
  const after = decodeCursor<{ after?: unknown }>(page.cursor)?.after;
  const from = typeof after === 'string' ? ` FROM ${stringLiteral(after)}` : '';
  // One extra row tells whether there is a next page; one more in case FROM includes the name itself.
  const fetched = await snowflake.records(`${show} LIMIT ${page.limit + (from ? 2 : 1)}${from}`, signal);
  const rows = fetched.filter((row) => row['name'] !== after);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1]?.['name'];
  return {
    rows: items,
    nextCursor: rows.length > page.limit && last ? encodeCursor({ after: last }) : undefined,
  };
}

/** SHOW/DESCRIBE text as a compact value: empty strings and nulls are left out. */
export function text(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

export function count(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
}
