import { capText, decodeCursor, encodeCursor, invalidCursor } from '@sophia/mcp-base';

/** One column of `resultSetMetaData.rowType` (the fields we use). */
export interface RowType {
  name: string;
  type: string;
  scale?: number | null;
  precision?: number | null;
  nullable?: boolean;
}

/** What GET/POST /api/v2/statements answer with once a statement has finished. */
export interface ResultSet {
  code?: string;
  message?: string;
  statementHandle: string;
  createdOn?: number;
  resultSetMetaData?: {
    numRows: number;
    format?: string;
    rowType: RowType[];
    partitionInfo?: { rowCount: number; uncompressedSize?: number }[];
  };
  /** Every cell is a string (or null) in Snowflake's JSON format. */
  data?: (string | null)[][];
}

type Cell = string | number | boolean | null | unknown;

/** A column in our results: its name and a SQL-ish type. */
export interface Column {
  name: string;
  type: string;
}

/**
 * Converts one cell by its column type. Snowflake's JSON format sends every value as a string:
 * fixed (NUMBER) as decimal text, real as float text, boolean as "true"/"false", date as days
 * since the epoch, time as seconds since midnight, timestamp_ntz/ltz as seconds since the epoch,
 * timestamp_tz as "<seconds> <1440 + offset minutes>", variant/object/array as JSON text.
 */
export function convertCell(value: string | null, column: RowType, maxChars: number): Cell {
  if (value === null) return null;
  switch (column.type.toLowerCase()) {
    case 'fixed':
      return fixedNumber(value, column.scale ?? 0);
    case 'real': {
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
    case 'boolean':
      return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
    case 'date':
      return /^-?\d+$/.test(value) ? new Date(Number(value) * 86_400_000).toISOString().slice(0, 10) : value;
    case 'time':
      return /^\d+(\.\d+)?$/.test(value) ? timeOfDay(value) : value;
    case 'timestamp_ntz':
      return epochSeconds(value)?.slice(0, -1) ?? value;
    case 'timestamp_ltz':
      return epochSeconds(value) ?? value;
    case 'timestamp_tz':
      return zonedTimestamp(value) ?? value;
    case 'variant':
    case 'object':
    case 'array':
      return parseJsonCell(value, maxChars);
    default:
      return capText(value, maxChars);
  }
}

/** Numbers that fit a double exactly become numbers; bigger ones stay strings, so nothing is rounded. */
function fixedNumber(value: string, scale: number): number | string {
  const digits = value.replace(/^-/, '').replace('.', '').replace(/^0+(?=\d)/, '');
  if (scale === 0) {
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : value;
  }
  return digits.length <= 15 ? Number(value) : value;
}

function epochSeconds(value: string): string | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  const millis = Math.floor(Number(value) * 1000);
  return Number.isFinite(millis) ? new Date(millis).toISOString() : undefined;
}

function zonedTimestamp(value: string): string | undefined {
  const [seconds, zone] = value.split(' ');
  if (!seconds || !zone || !/^\d+$/.test(zone) || !/^-?\d+(\.\d+)?$/.test(seconds)) return undefined;
  const offsetMinutes = Number(zone) - 1440;
  const local = new Date(Math.floor(Number(seconds) * 1000) + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function timeOfDay(value: string): string {
  const [whole = '0', fraction] = value.split('.');
  const total = Number(whole);
  const hh = String(Math.floor(total / 3600)).padStart(2, '0');
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  const frac = fraction?.replace(/0+$/, '');
  return `${hh}:${mm}:${ss}${frac ? `.${frac}` : ''}`;
}

function parseJsonCell(value: string, maxChars: number): unknown {
  if (value.length > maxChars) return capText(value, maxChars);
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function columnType(column: RowType): string {
  const type = column.type.toLowerCase();
  if (type === 'fixed') return `NUMBER(${column.precision ?? 38},${column.scale ?? 0})`;
  if (type === 'text') return 'VARCHAR';
  if (type === 'real') return 'FLOAT';
  return type.toUpperCase();
}

/** Where the next page starts: the statement, the partition, the row within it, and the columns. */
interface ResultCursor extends Record<string, unknown> {
  h: string;
  /** partition index */
  p: number;
  /** row offset within the partition */
  o: number;
  /** number of partitions */
  n: number;
  /** total rows */
  r: number;
  /** rows before this page in the whole result */
  b: number;
  /** columns as [name, type, scale, precision] */
  c: [string, string, number | null, number | null][];
}

export interface PageState {
  statementHandle: string;
  partition: number;
  offset: number;
  partitions: number;
  numRows: number;
  rowType: RowType[];
  rowsBefore: number;
}

export function decodeResultCursor(cursor: string): PageState {
  const state = decodeCursor<ResultCursor>(cursor);
  if (!state || typeof state.h !== 'string' || !Array.isArray(state.c) || typeof state.p !== 'number') {
    throw invalidCursor();
  }
  return {
    statementHandle: state.h,
    partition: state.p,
    offset: state.o,
    partitions: state.n,
    numRows: state.r,
    rowsBefore: typeof state.b === 'number' ? state.b : 0,
    rowType: state.c.map(([name, type, scale, precision]) => ({ name, type, scale, precision })),
  };
}

/** The first page of a finished statement: its metadata describes the columns and the partitions. */
export function firstPageState(result: ResultSet): PageState {
  const meta = result.resultSetMetaData;
  return {
    statementHandle: result.statementHandle,
    partition: 0,
    offset: 0,
    partitions: meta?.partitionInfo?.length ?? 1,
    numRows: meta?.numRows ?? result.data?.length ?? 0,
    rowType: meta?.rowType ?? [],
    rowsBefore: 0,
  };
}

export interface ResultPage {
  statementHandle: string;
  status: 'succeeded';
  columns: Column[];
  rows: Cell[][];
  /** Total rows of the whole result. */
  numRows: number;
  /** 1-based position of this page's first row in the whole result. */
  firstRow: number;
  nextCursor?: string;
  note?: string;
}

/**
 * One page of rows from one partition's `data`: at most `limit` rows from `state.offset`.
 * nextCursor points at the rest of this partition or at the next partition.
 */
export function pageOf(
  data: (string | null)[][],
  state: PageState,
  limit: number,
  maxCellChars: number,
): ResultPage {
  const { rowsBefore } = state;
  const slice = data.slice(state.offset, state.offset + limit);
  const rows = slice.map((row) => state.rowType.map((column, index) => convertCell(row[index] ?? null, column, maxCellChars)));
  let next: { p: number; o: number } | undefined;
  if (state.offset + limit < data.length) next = { p: state.partition, o: state.offset + limit };
  else if (state.partition + 1 < state.partitions) next = { p: state.partition + 1, o: 0 };
  const page: ResultPage = {
    statementHandle: state.statementHandle,
    status: 'succeeded',
    columns: state.rowType.map((column) => ({ name: column.name, type: columnType(column) })),
    rows,
    numRows: state.numRows,
    firstRow: rowsBefore + 1,
  };
  if (next) {
    const cursor: ResultCursor = {
      h: state.statementHandle,
      p: next.p,
      o: next.o,
      n: state.partitions,
      r: state.numRows,
      b: rowsBefore + rows.length,
      c: state.rowType.map((column) => [column.name, column.type, column.scale ?? null, column.precision ?? null]),
    };
    page.nextCursor = encodeCursor(cursor);
    page.note =
      `rows ${rowsBefore + 1}-${rowsBefore + rows.length} of ${state.numRows}; ` +
      'pass nextCursor to get_query_status for the next page.';
  }
  return page;
}
