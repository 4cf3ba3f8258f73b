import { isFullDataSource, isFullPage } from '@notionhq/client';
import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineNotionTool } from '../context';
import { compactDataSource, compactPage, searchResultOutput } from '../shapes/objects';

export const search = defineNotionTool({
  name: 'search',
  toolset: 'search',
  title: 'Search Notion',
  description:
    'Finds pages and data sources (database tables) shared with the integration by title. Use it to find ' +
    'the id for fetch_page, query_data_source or get_data_source. Returns a page of { object, id, title, url, ' +
    'parent, lastEditedTime } plus nextCursor; up to 100 per page. Notion matches titles only (not page ' +
    'content) and sees only what was shared with the integration.',
  input: z.object({
    query: z.string().max(500).optional().describe('Words in the title; omit to list everything shared, newest first with sort.'),
    type: z.enum(['page', 'data_source']).optional().describe('Only pages or only data sources (default both).'),
    sort: z
      .enum(['relevance', 'last_edited'])
      .default('relevance')
      .describe('relevance (default) or last_edited (most recently edited first).'),
    ...pageInput({ defaultLimit: 25 }),
  }),
  output: pageOutput(searchResultOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const response = await ctx.notion.search({
      query: input.query,
      filter: input.type ? { property: 'object', value: input.type } : undefined,
      sort: input.sort === 'last_edited' ? { timestamp: 'last_edited_time', direction: 'descending' } : undefined,
      start_cursor: tokenCursor.read(input.cursor),
      page_size: input.limit,
    });
    return {
      items: response.results.map((result) =>
        isFullPage(result) ? compactPage(result) : isFullDataSource(result) ? compactDataSource(result) : { object: result.object, id: result.id },
      ),
      nextCursor: tokenCursor.next(response.has_more ? response.next_cursor : undefined),
    };
  },
});
