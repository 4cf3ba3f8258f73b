import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { appendInBatches } from '../block-writes';
import { defineNotionTool } from '../context';
import { markdownInput, notionId } from '../inputs';
import { markdownToBlocks } from '../markdown/to-blocks';

export const appendBlocks = defineNotionTool({
  name: 'append_blocks',
  toolset: 'pages',
  title: 'Append Markdown content',
  description:
    'Adds content written in Markdown to the end of a page (or under a block, e.g. a toggle), or right after a ' +
    'given block. Use it to add notes, sections or to-dos to an existing page; it never changes or removes what ' +
    'is there. Each call adds new blocks (not idempotent). Returns { appended, blockIds } with the ids of the new ' +
    'top-level blocks. Content of any length is written 100 blocks per request.',
  input: z.object({
    blockId: notionId('page or block'),
    markdown: markdownInput('Content to add').min(1),
    afterBlockId: notionId('block')
      .optional()
      .describe('Insert after this child block instead of at the end (a block id from fetch_page or a previous append).'),
  }),
  output: z.object({ appended: z.number(), blockIds: z.array(z.string()).describe('Ids of the new top-level blocks.') }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const blocks = markdownToBlocks(input.markdown);
    if (blocks.length === 0) throw ToolError.invalidInput('markdown has no content to append');
    const blockIds = await appendInBatches(ctx.notion, input.blockId, blocks, input.afterBlockId);
    return { appended: blockIds.length, blockIds };
  },
});
