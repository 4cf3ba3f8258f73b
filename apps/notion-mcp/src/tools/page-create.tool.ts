import { isFullPage, type CreatePageParameters } from '@notionhq/client';
import { z } from 'zod';
import { appendInBatches, MAX_BLOCKS_PER_REQUEST } from '../block-writes';
import { defineNotionTool } from '../context';
import { markdownInput, notionId, propertyValues } from '../inputs';
import { markdownToBlocks } from '../markdown/to-blocks';
import { pageTitle } from '../shapes/objects';
import { dataSourceTitleProperty, titleValue } from '../title-property';

export const createPage = defineNotionTool({
  name: 'create_page',
  toolset: 'pages',
  title: 'Create a page',
  description:
    'Creates a page under a parent page, or a row in a data source (database), with a title, optional property ' +
    'values (data source rows; see get_data_source) and content written in Markdown. Each call creates a new ' +
    'page (not idempotent). Returns { id, url, title, blockCount }. With a data source parent, a title costs one ' +
    'extra read to find the title column. Content of any length is written 100 blocks per request.',
  input: z
    .object({
      parentPageId: notionId('parent page').optional().describe('Parent page id or notion.so URL; give this or parentDataSourceId.'),
      parentDataSourceId: notionId('parent data source')
        .optional()
        .describe('Data source to add a row to (from search or get_data_source); give this or parentPageId.'),
      title: z.string().min(1).max(2000).optional().describe('Page title (plain text).'),
      properties: propertyValues.optional(),
      markdown: markdownInput('Page content').optional(),
    })
    .refine((input) => (input.parentPageId === undefined) !== (input.parentDataSourceId === undefined), {
      message: 'give exactly one of parentPageId or parentDataSourceId',
      path: ['parentPageId'],
    }),
  output: z.object({
    id: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    blockCount: z.number().describe('Blocks written.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const notion = ctx.notion;
    const properties: Record<string, unknown> = { ...input.properties };
    if (input.title !== undefined) {
      const titleName = input.parentDataSourceId ? await dataSourceTitleProperty(notion, input.parentDataSourceId) : 'title';
      properties[titleName] = titleValue(input.title);
    }
    const blocks = input.markdown ? markdownToBlocks(input.markdown) : [];
    const page = await notion.pages.create({
      parent: input.parentDataSourceId ? { data_source_id: input.parentDataSourceId } : { page_id: input.parentPageId as string },
      // Property values are Notion's own JSON, validated by Notion (validation_error → invalid_input).
      properties: properties as CreatePageParameters['properties'],
      ...(blocks.length > 0 && { children: blocks.slice(0, MAX_BLOCKS_PER_REQUEST) }),
    });
    await appendInBatches(notion, page.id, blocks.slice(MAX_BLOCKS_PER_REQUEST));
    return {
      id: page.id,
      url: isFullPage(page) ? page.url : null,
      title: isFullPage(page) ? pageTitle(page) : (input.title ?? null),
      blockCount: blocks.length,
    };
  },
});
