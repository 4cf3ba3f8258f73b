import { isFullPage, type QueryDataSourceParameters } from '@notionhq/client';
import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineNotionTool } from '../context';
import { notionId } from '../inputs';
import { pageWithProperties, pageWithPropertiesOutput } from '../shapes/objects';

const direction = z.enum(['ascending', 'descending']).default('ascending').describe('Sort direction (default ascending).');

const sort = z.union([
  z.object({ property: z.string().min(1).describe('Property name to sort by.'), direction }),
  z.object({ timestamp: z.enum(['created_time', 'last_edited_time']).describe('Timestamp to sort by.'), direction }),
]);

export const queryDataSource = defineNotionTool({
  name: 'query_data_source',
  toolset: 'data_sources',
  title: 'Query a data source (database rows)',
  description:
    'Lists the rows (pages) of a Notion data source, the table inside a database, with optional filters and ' +
    'sorts in Notion API form. Use get_data_source first to learn property names and types. Returns a page of ' +
    'rows { id, title, url, properties (plain JSON values), lastEditedTime } plus nextCursor; up to 100 per page. ' +
    'Takes a data source id (from search with type data_source, or get_data_source), not a database id.',
  input: z.object({
    dataSourceId: notionId('data source'),
    filter: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'Notion filter object, e.g. { "property": "Status", "status": { "equals": "Done" } } or ' +
          '{ "and": [{ "property": "Due", "date": { "before": "2026-02-01" } }, { "property": "Done", "checkbox": { "equals": false } }] }.',
      ),
    sorts: z.array(sort).max(10).optional().describe('Sort keys, first one wins: { property, direction } or { timestamp, direction }.'),
    ...pageInput({ defaultLimit: 25 }),
  }),
  output: pageOutput(pageWithPropertiesOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const response = await ctx.notion.dataSources.query({
      data_source_id: input.dataSourceId,
      // The filter grammar is Notion's and Notion validates it (validation_error → invalid_input);
      // the SDK's filter type is not worth re-declaring in zod.
      filter: input.filter as QueryDataSourceParameters['filter'],
      sorts: input.sorts,
      start_cursor: tokenCursor.read(input.cursor),
      page_size: input.limit,
    });
    return {
      items: response.results.map((row) => (isFullPage(row) ? pageWithProperties(row) : { object: row.object, id: row.id })),
      nextCursor: tokenCursor.next(response.has_more ? response.next_cursor : undefined),
    };
  },
});
