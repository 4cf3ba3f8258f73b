import { ToolError } from '@sophia/mcp-base';

/** Statement types run_query accepts: they read, never change data, grants or session state. */
export const READ_STATEMENTS = ['SELECT', 'WITH', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'LIST', 'LS'] as const;

/** Keywords that may not appear at the top level of a WITH … statement (e.g. `WITH x AS (…) DELETE …`). */
const WRITE_KEYWORDS = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'TRUNCATE', 'CREATE', 'ALTER', 'DROP', 'UNDROP', 'COPY', 'PUT', 'GET',
  'REMOVE', 'RM', 'GRANT', 'REVOKE', 'CALL', 'EXECUTE', 'USE', 'SET', 'UNSET', 'BEGIN', 'START', 'COMMIT', 'ROLLBACK',
]);

interface Token {
  word: string;
  depth: number;
}

/**
 * Splits SQL into statements and their top-level words, skipping comments (`--`, `//`, `/* *\/`),
 * string literals ('…' with '' or \' escapes, $$…$$) and quoted identifiers ("…"), so a keyword
 * or `;` inside them never counts.
 */
export function tokenize(sql: string): Token[][] {
  const statements: Token[][] = [[]];
  let depth = 0;
  let i = 0;
  const current = () => statements[statements.length - 1] as Token[];
  while (i < sql.length) {
    const ch = sql[i] as string;
    const next = sql[i + 1];
    if ((ch === '-' && next === '-') || (ch === '/' && next === '/')) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw ToolError.invalidInput('the SQL has an unterminated /* comment.');
      i = end + 2;
    } else if (ch === "'") {
      i = skipQuoted(sql, i, "'", true);
    } else if (ch === '"') {
      i = skipQuoted(sql, i, '"', false);
    } else if (ch === '$' && next === '$') {
      const end = sql.indexOf('$$', i + 2);
      if (end === -1) throw ToolError.invalidInput('the SQL has an unterminated $$ string.');
      i = end + 2;
    } else if (ch === ';') {
      statements.push([]);
      depth = 0;
      i += 1;
    } else if (ch === '(') {
      depth += 1;
      i += 1;
    } else if (ch === ')') {
      depth = Math.max(0, depth - 1);
      i += 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i)) as RegExpExecArray;
      current().push({ word: match[0].toUpperCase(), depth });
      i += match[0].length;
    } else {
      i += 1;
    }
  }
  return statements.filter((tokens) => tokens.length > 0);
}

function skipQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  throw ToolError.invalidInput(`the SQL has an unterminated ${quote === "'" ? 'string literal' : 'quoted identifier'}.`);
}

/** Exactly one statement, whatever it is (execute_sql; Snowflake also gets MULTI_STATEMENT_COUNT=1). */
export function assertSingleStatement(sql: string): Token[] {
  const statements = tokenize(sql);
  if (statements.length === 0) throw ToolError.invalidInput('the SQL contains no statement.');
  if (statements.length > 1) {
    throw ToolError.invalidInput(`send one statement per call; this SQL has ${statements.length} (separated by ";").`);
  }
  return statements[0] as Token[];
}

/** run_query's guard: one statement, and of a read-only type. Returns the statement type. */
export function assertReadOnly(sql: string): string {
  const tokens = assertSingleStatement(sql);
  const first = (tokens[0] as Token).word;
  if (!(READ_STATEMENTS as readonly string[]).includes(first)) {
    throw ToolError.invalidInput(
      `run_query is read-only: ${first} statements are not allowed (allowed: ${READ_STATEMENTS.join(', ')}). ` +
        'Writes go through execute_sql, which the server serves only with MCP_ALLOW_DESTRUCTIVE=true.',
    );
  }
  if (first === 'WITH') {
    const write = tokens.find((token) => token.depth === 0 && WRITE_KEYWORDS.has(token.word));
    if (write) {
      throw ToolError.invalidInput(`run_query is read-only: a WITH statement may only end in SELECT, not ${write.word}.`);
    }
  }
  return first === 'DESC' ? 'DESCRIBE' : first === 'LS' ? 'LIST' : first;
}

/**
 * An identifier as Snowflake resolves it: plain names (letters, digits, _ and $) go unquoted so
 * `analytics` finds ANALYTICS; anything else is double-quoted, matching its exact case.
 */
export function identifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name : quotedIdentifier(name);
}

/**
 * A name as Snowflake stored it (from SHOW/DESCRIBE): unquoted only when it is upper case, the form
 * an unquoted name resolves to; any other name was created quoted and must stay quoted.
 */
export function storedIdentifier(name: string): string {
  return /^[A-Z_][A-Z0-9_$]*$/.test(name) ? name : quotedIdentifier(name);
}

function quotedIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A single-quoted string literal (SHOW … FROM '<name>'). */
export function stringLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
