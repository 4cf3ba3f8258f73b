import { ToolError } from '@sophia/mcp-base';

/**
 * A small SQL lexer: enough of PostgreSQL's lexical rules (quoted strings with '' escapes,
 * E'' strings with backslash escapes, "quoted identifiers", $tag$ dollar quotes $tag$, -- and
 * nested /* *\/ comments) to find statement boundaries, the leading keywords and function calls
 * without being fooled by a semicolon or a keyword inside a string or comment.
 */
export interface SqlStatement {
  /** Lower-cased words outside strings and comments, in order (quoted identifiers unquoted). */
  words: string[];
  /** Lower-cased names of everything called like a function: `name(` or `schema.name(`. */
  calls: string[];
}

export function splitStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let current: SqlStatement = { words: [], calls: [] };
  let lastWord: string | undefined;
  let i = 0;
  const n = sql.length;
  const flush = () => {
    if (current.words.length > 0) statements.push(current);
    current = { words: [], calls: [] };
    lastWord = undefined;
  };
  while (i < n) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
      if (depth > 0) throw ToolError.invalidInput('the SQL has an unterminated /* comment');
      continue;
    }
    if (ch === "'") {
      // E'…' (escape string): the word just read was E; backslashes escape.
      const backslashes = lastWord === 'e' && /[eE]/.test(sql[i - 1] ?? '');
      if (backslashes) current.words.pop();
      i = skipQuoted(sql, i, "'", backslashes);
      lastWord = undefined;
      continue;
    }
    if (ch === '"') {
      const end = skipQuoted(sql, i, '"', false);
      const word = sql.slice(i + 1, end - 1).replaceAll('""', '"').toLowerCase();
      current.words.push(word);
      lastWord = word;
      i = end;
      continue;
    }
    if (ch === '$') {
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i));
      const prev = sql[i - 1] ?? '';
      if (tag && !/[A-Za-z0-9_$]/.test(prev)) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        if (close < 0) throw ToolError.invalidInput(`the SQL has an unterminated ${tag[0]} dollar-quoted string`);
        i = close + tag[0].length;
        lastWord = undefined;
        continue;
      }
      i++;
      continue;
    }
    if (ch === ';') {
      flush();
      i++;
      continue;
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      let end = i + 1;
      while (end < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[end])) end++;
      const word = sql.slice(i, end).toLowerCase();
      current.words.push(word);
      lastWord = word;
      i = end;
      continue;
    }
    if (ch === '(' && lastWord !== undefined) {
      current.calls.push(lastWord);
      lastWord = undefined;
      i++;
      continue;
    }
    if (!/\s/.test(ch) && ch !== '.') lastWord = undefined;
    i++;
  }
  flush();
  return statements;
}

function skipQuoted(sql: string, start: number, quote: string, backslashes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashes && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  throw ToolError.invalidInput(`the SQL has an unterminated ${quote === "'" ? 'string' : 'quoted identifier'}`);
}

/** Statements that open, end or change a transaction: each call runs in its own transaction. */
const TRANSACTION_CONTROL = new Set([
  'begin', 'start', 'commit', 'end', 'rollback', 'abort', 'savepoint', 'release',
]);

/** What restricted mode runs: queries only. */
const READ_STATEMENTS = new Set(['select', 'with', 'values', 'table', 'show', 'explain']);

/** What explain_query explains. */
const EXPLAINABLE = new Set(['select', 'with', 'values', 'table', 'insert', 'update', 'delete', 'merge']);

/**
 * Functions whose effects escape a read-only transaction (another connection, another backend,
 * the server's files or configuration, session-level locks): refused in restricted mode.
 */
const ESCAPING_FUNCTIONS = new Set([
  'dblink', 'dblink_exec', 'dblink_connect', 'dblink_connect_u', 'dblink_send_query', 'dblink_open',
  'pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf', 'pg_rotate_logfile',
  'pg_promote', 'pg_switch_wal', 'pg_create_restore_point', 'pg_log_backend_memory_contexts',
  'pg_create_physical_replication_slot', 'pg_create_logical_replication_slot', 'pg_drop_replication_slot',
  'pg_replication_origin_create', 'pg_replication_origin_drop', 'pg_logical_emit_message',
  'pg_advisory_lock', 'pg_advisory_lock_shared', 'pg_try_advisory_lock', 'pg_try_advisory_lock_shared',
  'lo_import', 'lo_export', 'pg_file_write', 'pg_file_rename', 'pg_file_unlink', 'pg_file_sync',
  'pg_read_file', 'pg_read_binary_file', 'pg_ls_dir', 'pg_stat_file',
  'set_config',
]);

/** One statement, or an invalid_input error saying why not. */
function single(sql: string): SqlStatement {
  const statements = splitStatements(sql);
  if (statements.length === 0) throw ToolError.invalidInput('the SQL is empty');
  if (statements.length > 1) {
    throw ToolError.invalidInput(
      `send one statement per call (found ${statements.length}): each call runs alone in its own transaction`,
    );
  }
  return statements[0];
}

function refuseTransactionControl(statement: SqlStatement): void {
  const [first, second] = statement.words;
  const isControl =
    TRANSACTION_CONTROL.has(first) ||
    (first === 'prepare' && second === 'transaction') ||
    ((first === 'commit' || first === 'rollback') && second === 'prepared') ||
    (first === 'set' && (second === 'transaction' || second === 'session' || second === 'local')) ||
    statement.words.some((word) => word === 'default_transaction_read_only' || word === 'transaction_read_only');
  if (isControl) {
    throw ToolError.invalidInput(
      'transaction control is not allowed (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, SET TRANSACTION, SET SESSION ...): ' +
        'each call already runs in its own transaction',
    );
  }
}

function refuseEscapingFunctions(statement: SqlStatement): void {
  const escaping = statement.calls.filter((name) => ESCAPING_FUNCTIONS.has(name) || name.startsWith('dblink'));
  if (escaping.length > 0) {
    throw ToolError.invalidInput(
      `restricted mode refuses ${[...new Set(escaping)].join(', ')}: its effects escape the read-only transaction`,
    );
  }
}

/** Checks a statement for execute_sql in the given mode; throws invalid_input when refused. */
export function checkStatement(sql: string, mode: 'restricted' | 'unrestricted'): SqlStatement {
  const statement = single(sql);
  refuseTransactionControl(statement);
  if (mode === 'restricted') {
    if (!READ_STATEMENTS.has(statement.words[0])) {
      throw ToolError.invalidInput(
        `restricted mode runs only SELECT, WITH, VALUES, TABLE, SHOW and EXPLAIN (got ${statement.words[0].toUpperCase()}); ` +
          'writes need POSTGRES_ACCESS_MODE=unrestricted',
      );
    }
    refuseEscapingFunctions(statement);
  }
  return statement;
}

/** Checks the statement explain_query wraps in EXPLAIN. */
export function checkExplainable(sql: string, mode: 'restricted' | 'unrestricted'): SqlStatement {
  const statement = single(sql);
  refuseTransactionControl(statement);
  if (!EXPLAINABLE.has(statement.words[0])) {
    throw ToolError.invalidInput(
      `explain_query explains SELECT, WITH, VALUES, TABLE, INSERT, UPDATE, DELETE or MERGE (got ${statement.words[0].toUpperCase()})`,
    );
  }
  if (mode === 'restricted') refuseEscapingFunctions(statement);
  return statement;
}

/** Statements a server-side cursor can wrap, so only the first N rows ever leave the server. */
export function isCursorable(statement: SqlStatement): boolean {
  const [first] = statement.words;
  if (!['select', 'values', 'table', 'with'].includes(first)) return false;
  // SELECT … INTO creates a table and data-modifying WITH cannot be a cursor: run those plainly.
  return !statement.words.some((word) => ['into', 'insert', 'update', 'delete', 'merge'].includes(word));
}
