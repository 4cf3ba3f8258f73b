import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { catalogPage } from '../shapes';
import { showPage, text } from '../show-paging';
import { stringLiteral } from '../sql-guard';

export const listDatabases = defineSnowflakeTool({
  name: 'list_databases',
  toolset: 'catalog',
  title: 'List databases',
  description:
    'Lists the Snowflake databases the role can see (SHOW DATABASES, no warehouse needed), in name order: ' +
    '{ items: [{ name, kind, owner, comment, createdOn }], nextCursor }. Use it first to find a database for ' +
    'list_schemas. Up to 200 per page; `like` filters by a case-insensitive SQL pattern.',
  input: z.object({
    like: z.string().min(1).max(255).optional().describe('SQL LIKE pattern on the name, case-insensitive, e.g. "%sales%".'),
    ...pageInput({ defaultLimit: 50, maxLimit: 200 }),
  }),
  output: catalogPage(
    z.object({
      name: z.string(),
      kind: z.string().optional().describe('STANDARD, SHARED, APPLICATION, …'),
      owner: z.string().optional(),
      comment: z.string().optional(),
      createdOn: z.string().optional(),
    }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const like = input.like ? ` LIKE ${stringLiteral(input.like)}` : '';
    const page = await showPage(ctx.snowflake, `SHOW DATABASES${like}`, input, ctx.signal);
    return {
      items: page.rows.map((row) => ({
        name: row['name'],
        kind: text(row['kind']),
        owner: text(row['owner']),
        comment: text(row['comment']),
        createdOn: text(row['created_on']),
      })),
      nextCursor: page.nextCursor,
    };
  },
});
