import { decodeCursor, encodeCursor, pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { objectName } from '../inputs';
import { catalogPage } from '../shapes';
import { showPage, text } from '../show-paging';
import type { SnowflakeApi } from '../snowflake-api';
import { identifier, stringLiteral } from '../sql-guard';

/** SHOW's LIMIT maximum; a database scope reads at most this many views per page request. */
const SHOW_MAX_ROWS = 10_000;

type Row = Record<string, string | null>;

export const listSemanticViews = defineSnowflakeTool({
  name: 'list_semantic_views',
  toolset: 'semantic',
  title: 'List semantic views',
  description:
    'Lists the Snowflake semantic views the role can see in one schema, or in every schema of a database when ' +
    'schema is left out (SHOW SEMANTIC VIEWS, no warehouse needed), in schema and name order: { items: [{ name, ' +
    'database, schema, comment, owner, createdOn }], nextCursor }. Then describe_semantic_view shows a view\'s ' +
    'dimensions, facts and metrics. Up to 200 per page; `like` filters by a case-insensitive SQL pattern.',
  input: z.object({
    database: objectName('Database'),
    schema: objectName('Schema').optional().describe('Schema to list; omit to list the whole database.'),
    like: z.string().min(1).max(255).optional().describe('SQL LIKE pattern on the name, case-insensitive.'),
    ...pageInput({ defaultLimit: 50, maxLimit: 200 }),
  }),
  output: catalogPage(
    z.object({
      name: z.string(),
      database: z.string().optional(),
      schema: z.string().optional(),
      comment: z.string().optional(),
      owner: z.string().optional(),
      createdOn: z.string().optional(),
    }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const like = input.like ? ` LIKE ${stringLiteral(input.like)}` : '';
    const scope = input.schema
      ? `IN SCHEMA ${identifier(input.database)}.${identifier(input.schema)}`
      : `IN DATABASE ${identifier(input.database)}`;
    const show = `SHOW SEMANTIC VIEWS${like} ${scope}`;
    const page = input.schema
      ? await showPage(ctx.snowflake, show, input, ctx.signal)
      : await databasePage(ctx.snowflake, show, input, ctx.signal);
    return {
      items: page.rows.map((row) => ({
        name: row['name'],
        database: text(row['database_name']),
        schema: text(row['schema_name']),
        comment: text(row['comment']),
        owner: text(row['owner']),
        createdOn: text(row['created_on']),
      })),
      nextCursor: page.nextCursor,
    };
  },
});

/**
 * A page across the schemas of a database. SHOW's `FROM '<name>'` compares names only, which skips
 * or repeats views once several schemas are listed, so the cursor keeps the last (schema, name) and
 * the page starts after it in SHOW's own order.
 */
async function databasePage(
  snowflake: SnowflakeApi,
  show: string,
  page: { cursor?: string; limit: number },
  signal: AbortSignal,
): Promise<{ rows: Row[]; nextCursor?: string }> {
  const after = decodeCursor<{ schema?: unknown; name?: unknown }>(page.cursor);
  const rows = await snowflake.records(`${show} LIMIT ${SHOW_MAX_ROWS}`, signal);
  const start =
    typeof after?.schema === 'string' && typeof after.name === 'string'
      ? rows.findIndex((row) => compareKey(row, after.schema as string, after.name as string) > 0)
      : 0;
  const rest = start === -1 ? [] : rows.slice(start);
  const items = rest.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    rows: items,
    nextCursor: rest.length > page.limit && last ? encodeCursor({ schema: last['schema_name'], name: last['name'] }) : undefined,
  };
}

/** SHOW orders lexicographically (by code point), as plain string comparison does. */
function compareKey(row: Row, schema: string, name: string): number {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return compare(row['schema_name'] ?? '', schema) || compare(row['name'] ?? '', name);
}
