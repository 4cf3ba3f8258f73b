import { ToolError } from '@sophia/mcp-base';
import type { AccessMode } from '../config';
import type { PostgresContext } from '../context';
import { parseStatement, type ParseNode } from './parse';
import { readFunctions } from './read-functions';

/**
 * The statement checks of execute_sql and explain_query, decided on PostgreSQL's own parse tree.
 * Both modes: exactly one statement, no transaction control. Restricted mode is an allow-list:
 * one read statement whose every function call, anywhere in the tree, is a known read function.
 * The READ ONLY, rolled-back transaction the statement then runs in is the second wall.
 */
export interface CheckedStatement {
  /** A plain query (SELECT, VALUES, TABLE, WITH … SELECT) that a server-side cursor can wrap. */
  query: boolean;
  /** Built-in names the statement reaches through the search path (see ./user-code.ts). */
  unqualified: UnqualifiedNames;
}

/** Read functions called and operators used without a schema: the database may define its own. */
export interface UnqualifiedNames {
  functions: string[];
  operators: string[];
}

const UNRESTRICTED_HINT = 'POSTGRES_ACCESS_MODE=unrestricted (see the postgres-mcp README, "Configuration")';

/** Checks a statement for execute_sql in the given mode; throws invalid_input or forbidden when refused. */
export async function checkStatement(sql: string, mode: AccessMode): Promise<CheckedStatement> {
  const statement = await parseStatement(sql);
  const [type, body] = only(statement);
  refuseTransactionControl(type, body);
  const facts = collectFacts(statement);
  if (mode === 'restricted') {
    if (!['SelectStmt', 'VariableShowStmt', 'ExplainStmt'].includes(type)) {
      throw forbidden(
        `restricted mode runs only one read statement: SELECT, VALUES, TABLE, WITH … SELECT, SHOW or EXPLAIN ` +
          `(got ${statementName(type)}); writes and DDL need ${UNRESTRICTED_HINT}`,
      );
    }
    const explained = type === 'ExplainStmt' ? only(body['query'] as ParseNode)[0] : undefined;
    if (explained !== undefined && !EXPLAINABLE.has(explained)) {
      throw forbidden(`restricted mode explains only SELECT, VALUES, TABLE, WITH, INSERT, UPDATE, DELETE or MERGE (got ${statementName(explained)})`);
    }
    // EXPLAIN without ANALYZE only plans, so writes may be explained; with ANALYZE they would run.
    const writesOnlyPlanned = explained !== undefined && !hasOption(body, 'analyze');
    refuseInRestrictedMode(facts, writesOnlyPlanned);
  }
  return { query: type === 'SelectStmt' && !facts.selectInto && facts.writes.length === 0, unqualified: unqualifiedNames(facts) };
}

/**
 * Restricted mode does not run SQL as a role that reaches past the database's data (superuser,
 * REPLICATION, BYPASSRLS) unless POSTGRES_ALLOW_SUPERUSER=true: for such a role one missed function
 * would be a server file write or a terminated backend. Embedded PGlite has no such reach.
 */
export async function refusePrivilegedRole(ctx: Pick<PostgresContext, 'db' | 'mode' | 'allowSuperuser'>): Promise<void> {
  if (ctx.mode !== 'restricted' || ctx.allowSuperuser) return;
  const role = await ctx.db.connectedRole();
  const attributes = role && [role.superuser && 'SUPERUSER', role.replication && 'REPLICATION', role.bypassRls && 'BYPASSRLS'].filter(Boolean);
  if (role && attributes && attributes.length > 0) {
    throw forbidden(
      `restricted mode does not run SQL as PostgreSQL role "${role.name}", which has ${attributes.join(', ')}: such a role ` +
        'reaches server files, other sessions or all rows past any statement check. Point DATABASE_URL at a role with ' +
        'only the privileges the tools need (e.g. GRANT pg_read_all_data, pg_read_all_stats), or set ' +
        'POSTGRES_ALLOW_SUPERUSER=true to accept the risk.',
    );
  }
}

/** What explain_query wraps in EXPLAIN. */
const EXPLAINABLE = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/** Checks the statement explain_query wraps in EXPLAIN (analyze is the tool's own, separate check). */
export async function checkExplainable(sql: string, mode: AccessMode): Promise<UnqualifiedNames> {
  const statement = await parseStatement(sql);
  const [type] = only(statement);
  if (!EXPLAINABLE.has(type)) {
    throw ToolError.invalidInput(
      `explain_query explains SELECT, VALUES, TABLE, WITH, INSERT, UPDATE, DELETE or MERGE (got ${statementName(type)})`,
    );
  }
  const facts = collectFacts(statement);
  if (mode === 'restricted') refuseInRestrictedMode(facts, true);
  return unqualifiedNames(facts);
}

/** The type and fields of a node: `{ SelectStmt: {…} }` → ['SelectStmt', {…}]. */
function only(node: ParseNode): [string, ParseNode] {
  const [entry] = Object.entries(node);
  return [entry[0], entry[1] as ParseNode];
}

/** SET TRANSACTION, SET SESSION CHARACTERISTICS and the read-only settings, whatever their spelling. */
const TRANSACTION_SETTINGS = new Set([
  'transaction', 'session characteristics', 'transaction_read_only', 'default_transaction_read_only',
]);

function refuseTransactionControl(type: string, body: ParseNode): void {
  const name = typeof body['name'] === 'string' ? body['name'].toLowerCase() : '';
  if (type === 'TransactionStmt' || (type === 'VariableSetStmt' && TRANSACTION_SETTINGS.has(name))) {
    throw ToolError.invalidInput(
      'transaction control is not allowed (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, PREPARE TRANSACTION, SET TRANSACTION, ' +
        'SET SESSION CHARACTERISTICS, transaction_read_only …): each call already runs in its own transaction',
    );
  }
}

/** What restricted mode needs to know about a statement, from one walk over every node. */
interface StatementFacts {
  /** Functions called that are not read functions, as written (qualified, unescaped). */
  refusedFunctions: string[];
  /** Operators qualified with a schema other than pg_catalog: OPERATOR(s.op). */
  foreignOperators: string[];
  /** INSERT, UPDATE, DELETE or MERGE anywhere (a data-modifying WITH included). */
  writes: string[];
  unqualifiedFunctions: Set<string>;
  unqualifiedOperators: Set<string>;
  selectInto: boolean;
  locking: boolean;
}

const WRITES = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/** Facts about `statement` ({ SelectStmt: … } and everything below it). */
function collectFacts(statement: ParseNode): StatementFacts {
  const facts: StatementFacts = {
    refusedFunctions: [], foreignOperators: [], writes: [], unqualifiedFunctions: new Set(), unqualifiedOperators: new Set(),
    selectInto: false, locking: false,
  };
  for (const [type, node] of everyNode(statement)) {
    if (type === 'FuncCall') {
      const name = nameOf(node['funcname']);
      if (!isReadFunction(name)) facts.refusedFunctions.push(name.join('.'));
      else if (name.length === 1) facts.unqualifiedFunctions.add(name[0]);
    } else if (type === 'A_Expr') {
      const name = nameOf(node['name']);
      if (name.length > 1 && name[0] !== 'pg_catalog') facts.foreignOperators.push(`OPERATOR(${name.join('.')})`);
      else if (name.length === 1) facts.unqualifiedOperators.add(name[0]);
    } else if (type === 'SelectStmt') {
      facts.selectInto ||= node['intoClause'] !== undefined;
      facts.locking ||= Array.isArray(node['lockingClause']) && node['lockingClause'].length > 0;
    } else if (WRITES.has(type)) {
      facts.writes.push(statementName(type));
    }
  }
  return facts;
}

function unqualifiedNames(facts: StatementFacts): UnqualifiedNames {
  return { functions: [...facts.unqualifiedFunctions], operators: [...facts.unqualifiedOperators] };
}

/**
 * Every node in `root`, parents before children, without recursion (a deeply nested
 * expression must not overflow the stack). A node is a single-key object whose key is its type.
 */
function* everyNode(root: unknown): Generator<[string, ParseNode]> {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) pending.push(value[index]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index];
        if (/^[A-Z]/.test(key) && child !== null && typeof child === 'object' && !Array.isArray(child)) {
          yield [key, child as ParseNode];
        }
        pending.push(child);
      }
    }
  }
}

/** A qualified name as the parser resolved it: [{ String: { sval } }, …] → ['pg_catalog', 'now']. */
function nameOf(list: unknown): string[] {
  return (Array.isArray(list) ? list : []).map((part) => String((part as { String?: { sval?: string } }).String?.sval ?? ''));
}

/** A built-in read function, unqualified or pg_catalog-qualified (the parser has folded case and escapes). */
export function isReadFunction(name: readonly string[]): boolean {
  if (name.length === 1) return readFunctions.has(name[0]);
  return name.length === 2 && name[0] === 'pg_catalog' && readFunctions.has(name[1]);
}

function refuseInRestrictedMode(facts: StatementFacts, writesOnlyPlanned: boolean): void {
  if (facts.refusedFunctions.length > 0) {
    const names = [...new Set(facts.refusedFunctions)].join(', ');
    throw forbidden(
      `restricted mode allows only read functions (string, math, date/time, JSON, array, aggregate, window and catalog ` +
        `information functions; the postgres-mcp README lists them), and ${names} ${facts.refusedFunctions.length > 1 ? 'are' : 'is'} not one. ` +
        `Other functions need ${UNRESTRICTED_HINT}`,
    );
  }
  if (facts.foreignOperators.length > 0) {
    throw forbidden(`restricted mode allows only built-in operators (unqualified or pg_catalog), not ${[...new Set(facts.foreignOperators)].join(', ')}`);
  }
  if (facts.selectInto) throw forbidden(`SELECT … INTO creates a table: restricted mode only reads. Use ${UNRESTRICTED_HINT}`);
  if (facts.locking) {
    throw forbidden('FOR UPDATE / FOR SHARE lock rows, which restricted mode does not do: remove the locking clause');
  }
  if (facts.writes.length > 0 && !writesOnlyPlanned) {
    throw forbidden(
      `restricted mode only reads, and this statement runs ${[...new Set(facts.writes)].join(', ')} ` +
        `(a data-modifying WITH, or EXPLAIN ANALYZE of a write); writes need ${UNRESTRICTED_HINT}`,
    );
  }
}

function hasOption(explain: ParseNode, name: string): boolean {
  const options = Array.isArray(explain['options']) ? explain['options'] : [];
  return options.some((option) => (option as { DefElem?: { defname?: string } }).DefElem?.defname === name);
}

function forbidden(message: string): ToolError {
  return new ToolError('forbidden', message);
}

/** 'CreateTableAsStmt' → 'CREATE TABLE AS', for messages. */
function statementName(type: string): string {
  const special: Record<string, string> = { VariableSetStmt: 'SET', VariableShowStmt: 'SHOW', IndexStmt: 'CREATE INDEX' };
  return special[type] ?? type.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}
