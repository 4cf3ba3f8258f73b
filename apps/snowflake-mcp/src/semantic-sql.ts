import { ToolError } from '@sophia/mcp-base';
import { stringLiteral } from './sql-guard';

/**
 * Splits a dotted name such as `orders.revenue` or `"Order Lines"."Net Amount"` into its parts, as
 * SQL: a plain identifier (letters, digits, _ and $) stays as written (Snowflake matches it
 * case-insensitively); a double-quoted one ("" escapes a quote) stays quoted and exact. Anything else
 * is refused, so no user text reaches SQL except as an identifier.
 */
export function nameParts(name: string, what: string, maxParts: number): string[] {
  const parts: string[] = [];
  let rest = name.trim();
  while (true) {
    const quoted = /^"((?:[^"]|"")+)"/.exec(rest);
    const plain = quoted ? undefined : /^[A-Za-z_][A-Za-z0-9_$]*/.exec(rest);
    const match = quoted ?? plain;
    if (!match) break;
    parts.push(match[0]);
    rest = rest.slice(match[0].length);
    if (!rest.startsWith('.')) break;
    rest = rest.slice(1);
  }
  if (rest !== '' || parts.length === 0 || parts.length > maxParts) {
    throw ToolError.invalidInput(
      `${what} "${name}" is not a valid name: use up to ${maxParts} dot-separated identifiers, e.g. ` +
        `${maxParts === 3 ? 'SALES.PUBLIC.ORDERS_SV' : 'orders.revenue'}; double-quote a part with spaces or other characters.`,
    );
  }
  return parts;
}

/** A semantic view member (`table.member` or `member`) as SQL, each part quoted by Snowflake's rules. */
export function memberSql(name: string, what = 'member'): string {
  return nameParts(name, what, 2).join('.');
}

/** The column a member becomes in SEMANTIC_VIEW's result: its own name, without the logical table. */
export function memberColumnSql(name: string): string {
  const parts = nameParts(name, 'orderBy column', 2);
  return parts[parts.length - 1] as string;
}

export type FilterValue = string | number | boolean;

export interface MemberFilter {
  member: string;
  operator: '=' | '<>' | '<' | '<=' | '>' | '>=' | 'in' | 'not_in' | 'like' | 'is_null' | 'is_not_null';
  value?: FilterValue | FilterValue[];
}

function literal(value: FilterValue): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw ToolError.invalidInput('filter values must be finite numbers.');
    return String(value);
  }
  return stringLiteral(value);
}

/** One filter as a SQL condition: the member quoted, the value a literal, the operator from a fixed list. */
export function filterSql(filter: MemberFilter): string {
  const member = memberSql(filter.member, 'filter member');
  const { operator, value } = filter;
  if (operator === 'is_null' || operator === 'is_not_null') {
    if (value !== undefined) throw ToolError.invalidInput(`filter on ${filter.member}: ${operator} takes no value.`);
    return `${member} IS ${operator === 'is_null' ? '' : 'NOT '}NULL`;
  }
  if (operator === 'in' || operator === 'not_in') {
    if (!Array.isArray(value) || value.length === 0) {
      throw ToolError.invalidInput(`filter on ${filter.member}: ${operator} needs a non-empty array of values.`);
    }
    return `${member} ${operator === 'in' ? 'IN' : 'NOT IN'} (${value.map(literal).join(', ')})`;
  }
  if (value === undefined || Array.isArray(value)) {
    throw ToolError.invalidInput(`filter on ${filter.member}: ${operator} needs a single value.`);
  }
  if (operator === 'like' && typeof value !== 'string') throw ToolError.invalidInput(`filter on ${filter.member}: like needs a string pattern.`);
  return `${member} ${operator === 'like' ? 'LIKE' : operator} ${literal(value)}`;
}

export interface SemanticQuery {
  /** The view's name parts, already SQL identifiers. */
  view: string[];
  dimensions: string[];
  metrics: string[];
  facts: string[];
  filters: MemberFilter[];
  orderBy: { column: string; descending: boolean }[];
  maxRows?: number;
}

/** `SELECT * FROM SEMANTIC_VIEW(<view> DIMENSIONS … METRICS … FACTS … WHERE …) ORDER BY … LIMIT …`. */
export function semanticViewSql(query: SemanticQuery): string {
  if (query.dimensions.length + query.metrics.length + query.facts.length === 0) {
    throw ToolError.invalidInput('name at least one dimension, metric or fact to query (describe_semantic_view lists them).');
  }
  if (query.metrics.length > 0 && query.facts.length > 0) {
    throw ToolError.invalidInput('Snowflake does not query facts and metrics together: ask for metrics (aggregated) or facts (row level).');
  }
  const clauses = [query.view.join('.')];
  const list = (keyword: string, members: string[]) => {
    if (members.length > 0) clauses.push(`${keyword} ${members.map((member) => memberSql(member)).join(', ')}`);
  };
  list('DIMENSIONS', query.dimensions);
  list('METRICS', query.metrics);
  list('FACTS', query.facts);
  if (query.filters.length > 0) clauses.push(`WHERE ${query.filters.map(filterSql).join(' AND ')}`);
  let sql = `SELECT * FROM SEMANTIC_VIEW(${clauses.join(' ')})`;
  if (query.orderBy.length > 0) {
    sql += ` ORDER BY ${query.orderBy.map((order) => `${memberColumnSql(order.column)}${order.descending ? ' DESC' : ''}`).join(', ')}`;
  }
  if (query.maxRows !== undefined) sql += ` LIMIT ${Math.trunc(query.maxRows)}`;
  return sql;
}
