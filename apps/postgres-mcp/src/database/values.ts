/**
 * Every value arrives as PostgreSQL's text output (no driver parsing), and becomes JSON here
 * by type OID, the same way for pg and PGlite: nothing loses precision, nothing is guessed.
 */
const BOOL = 16;
const BYTEA = 17;
const INT2 = 21;
const INT4 = 23;
const OID = 26;
const FLOAT4 = 700;
const FLOAT8 = 701;
const JSON_OID = 114;
const JSONB = 3802;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/** Longest text of one cell; longer values are cut with a marker. */
export const MAX_CELL_CHARS = 10_000;

export function formatValue(text: string | null, typeOid: number): unknown {
  if (text === null) return null;
  switch (typeOid) {
    case BOOL:
      return text === 't';
    case INT2:
    case INT4:
    case OID:
      return Number(text);
    case FLOAT4:
    case FLOAT8: {
      const value = Number(text);
      return Number.isFinite(value) ? value : text; // NaN, Infinity stay strings
    }
    case JSON_OID:
    case JSONB:
      return JSON.parse(text) as unknown; // whole: the base caps the size of the result
    case TIMESTAMP:
    case TIMESTAMPTZ:
      return isoTimestamp(text);
    case BYTEA:
      // PostgreSQL's hex format: "\x0102…".
      return cap(text);
    default:
      // int8, numeric, money, dates, intervals, uuids, arrays, enums …: PostgreSQL's own text.
      return cap(text);
  }
}

/** "2026-01-02 03:04:05.123456+00" → "2026-01-02T03:04:05.123456+00:00" (DateStyle ISO). */
export function isoTimestamp(text: string): string {
  const match = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?(?::(\d{2}))?$/.exec(text);
  if (match) {
    const [, date, time, hours, minutes = '00', seconds] = match;
    return `${date}T${time}${hours}:${minutes}${seconds ? `:${seconds}` : ''}`;
  }
  const local = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/.exec(text);
  return local ? `${local[1]}T${local[2]}` : text; // infinity, BC dates: as PostgreSQL wrote them
}

function cap(text: string): string {
  return text.length <= MAX_CELL_CHARS
    ? text
    : `${text.slice(0, MAX_CELL_CHARS)}… [truncated: ${text.length - MAX_CELL_CHARS} more characters]`;
}
