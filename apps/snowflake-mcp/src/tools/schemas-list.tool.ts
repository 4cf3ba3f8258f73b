import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { catalogPage } from '../shapes';
import { objectName } from '../inputs';
import { showPage, text } from '../show-paging';
import { identifier, stringLiteral } from '../sql-guard';

export const listSchemas = defineSnowflakeTool({
  name: 'list_schemas',
  toolset: 'catalog',
  title: 'List schemas of a database',
  description:
    'Lists the schemas of one Snowflake database (SHOW SCHEMAS IN DATABASE, no warehouse needed), in name order: ' +
    '{ items: [{ name, owner, comment, createdOn }], nextCursor }. Then use list_objects on a schema. ' +
    'Up to 200 per page; `like` filters by a case-insensitive SQL pattern.',
  input: z.object({
    database: objectName('Database'),
    like: z.string().min(1).max(255).optional().describe('SQL LIKE pattern on the name, case-insensitive.'),
    ...pageInput({ defaultLimit: 50, maxLimit: 200 }),
  }),
  output: catalogPage(
    z.object({ name: z.string(), owner: z.string().optional(), comment: z.string().optional(), createdOn: z.string().optional() }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const like = input.like ? ` LIKE ${stringLiteral(input.like)}` : '';
    const show = `SHOW SCHEMAS${like} IN DATABASE ${identifier(input.database)}`;
    const page = await showPage(ctx.snowflake, show, input, ctx.signal);
    return {
      items: page.rows.map((row) => ({
        name: row['name'],
        owner: text(row['owner']),
        comment: text(row['comment']),
        createdOn: text(row['created_on']),
      })),
      nextCursor: page.nextCursor,
    };
  },
});
