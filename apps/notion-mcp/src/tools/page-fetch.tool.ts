import { capText } from '@sophia/mcp-base';
import { isFullPage } from '@notionhq/client';
import { z } from 'zod';
import { defineNotionTool } from '../context';
import { notionId } from '../inputs';
import { blocksToMarkdown } from '../markdown/from-blocks';
import { readPageContent } from '../page-content';
import { pageWithProperties, pageWithPropertiesOutput } from '../shapes/objects';

const MARKDOWN_MAX_CHARS = 50_000;
const MAX_BLOCKS = 1_000;
const MAX_BLOCK_REQUESTS = 30;

export const fetchPage = defineNotionTool({
  name: 'fetch_page',
  toolset: 'pages',
  title: 'Fetch a page as Markdown',
  description:
    'Reads one page: its title, URL, parent, property values (as plain JSON) and its content rendered as ' +
    'Markdown, nested blocks included down to maxDepth levels. Use it after search or query_data_source, or ' +
    'when given a page id or notion.so URL. Limits: at most 1000 blocks and 30 block requests per call, and ' +
    `the Markdown is cut at ${MARKDOWN_MAX_CHARS} characters with a marker; complete is false when anything ` +
    'was left out. Child pages and databases are listed by id, not expanded.',
  input: z.object({
    pageId: notionId('page'),
    maxDepth: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(3)
      .describe('Levels of nested blocks to read (1 = top-level blocks only; default 3, max 5).'),
  }),
  output: pageWithPropertiesOutput.extend({
    markdown: z.string().describe(`The content as Markdown, cut at ${MARKDOWN_MAX_CHARS} characters with a marker.`),
    blockCount: z.number().describe('Blocks read.'),
    complete: z.boolean().describe('False when a limit left something out.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const notion = ctx.notion;
    const page = await notion.pages.retrieve({ page_id: input.pageId });
    // Notion answers with a partial page only when the integration lacks read access to properties.
    const details = isFullPage(page) ? pageWithProperties(page) : { object: 'page', id: page.id };
    const content = await readPageContent(notion, input.pageId, {
      maxDepth: input.maxDepth,
      maxBlocks: MAX_BLOCKS,
      maxRequests: MAX_BLOCK_REQUESTS,
    });
    const markdown = blocksToMarkdown(content.nodes);
    return {
      ...details,
      markdown: capText(markdown, MARKDOWN_MAX_CHARS),
      blockCount: content.blockCount,
      complete: content.complete && markdown.length <= MARKDOWN_MAX_CHARS,
    };
  },
});
