import { loadModule, normalizeSync, parseSync, scanSync } from 'libpg-query';

/** What a removed literal reads as: still SQL-shaped, plainly not the original. */
export const REDACTED_LITERAL = "'<redacted>'";

/** String-like literal tokens: '…', E'…', N'…', B'…', X'…', U&'…' and dollar quotes ($$…$$, $tag$…$tag$). */
const LITERAL_TOKEN = /^(?:(?:[EeNnBbXx]|[Uu]&)?'|\$(?:[A-Za-z_\u0080-\uffff][^$]*)?\$)/;

/**
 * Query text as pg_stat_statements keeps it, with every string literal removed. PostgreSQL
 * normalises constants in plain DML to $n, but keeps utility statements verbatim
 * (`CREATE ROLE … PASSWORD '…'`, `COPY … FROM '…'`, `COMMENT … IS '…'`), so literals are replaced
 * here, on PostgreSQL's own scanner. Numbers stay (type modifiers, LIMITs). Text that does not scan
 * (pg_stat_statements cuts long texts at track_activity_query_size) loses everything from its
 * first quote on: better a stub than a half-quoted secret.
 */
export async function redactLiterals(sql: string): Promise<string> {
  await loadModule();
  let text = sql;
  try {
    // Parsed first: for text that does not parse, normalizeSync answers the parser's error
    // message (which quotes the text near the error) instead of throwing.
    parseSync(sql);
    text = normalizeSync(sql);
  } catch {
    // Not a whole statement: the scanner below still removes what it can.
  }
  let tokens: { start: number; end: number; text: string }[];
  try {
    tokens = scanSync(text).tokens;
  } catch {
    const quote = text.search(/['$]/);
    return quote < 0 ? text : `${text.slice(0, quote)}${REDACTED_LITERAL} …`;
  }
  // The scanner's offsets are UTF-8 byte offsets.
  const bytes = Buffer.from(text, 'utf8');
  let redacted = '';
  let copied = 0;
  for (const token of tokens) {
    if (!LITERAL_TOKEN.test(token.text)) continue;
    redacted += bytes.subarray(copied, token.start).toString('utf8') + REDACTED_LITERAL;
    copied = token.end;
  }
  return redacted + bytes.subarray(copied).toString('utf8');
}
