import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { catalogPage } from '../shapes';
import { objectName } from '../inputs';
import { count, showPage, text } from '../show-paging';
import { identifier, stringLiteral } from '../sql-guard';

const SHOW = { all: 'OBJECTS', table: 'TABLES', view: 'VIEWS' } as const;

export const listObjects = defineSnowflakeTool({
  name: 'list_objects',
  toolset: 'catalog',
  title: 'List tables and views of a schema',
  description:
    'Lists the tables and views in one Snowflake schema (SHOW OBJECTS / TABLES / VIEWS IN SCHEMA, no warehouse ' +
    'needed), in name order: { items: [{ name, kind, rows, bytes, owner, comment, createdOn }], nextCursor } ' +
    '(rows/bytes only where Snowflake reports them). Then describe_object shows the columns. Up to 200 per page.',
  input: z.object({
    database: objectName('Database'),
    schema: objectName('Schema'),
    kind: z.enum(['all', 'table', 'view']).default('all').describe('Tables, views, or both (default).'),
    like: z.string().min(1).max(255).optional().describe('SQL LIKE pattern on the name, case-insensitive.'),
    ...pageInput({ defaultLimit: 50, maxLimit: 200 }),
  }),
  output: catalogPage(
    z.object({
      name: z.string(),
      kind: z.string().optional().describe('TABLE, VIEW, …'),
      rows: z.number().int().optional(),
      bytes: z.number().int().optional(),
      owner: z.string().optional(),
      comment: z.string().optional(),
      createdOn: z.string().optional(),
    }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const like = input.like ? ` LIKE ${stringLiteral(input.like)}` : '';
    const show = `SHOW ${SHOW[input.kind]}${like} IN SCHEMA ${identifier(input.database)}.${identifier(input.schema)}`;
    const page = await showPage(ctx.snowflake, show, input, ctx.signal);
    return {
      items: page.rows.map((row) => ({
        name: row['name'],
        kind: text(row['kind']) ?? (input.kind === 'view' ? 'VIEW' : undefined),
        rows: count(row['rows']),
        bytes: count(row['bytes']),
        owner: text(row['owner']),
        comment: text(row['comment']),
        createdOn: text(row['created_on']),
      })),
      nextCursor: page.nextCursor,
    };
  },
});
