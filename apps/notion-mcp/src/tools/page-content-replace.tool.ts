import { currentCall, findToolError, ToolError } from '@sophia/mcp-base';
import type { Client } from '@notionhq/client';
import { z } from 'zod';
import { appendInBatches, MAX_BLOCKS_PER_REQUEST } from '../block-writes';
import { BLOCK_DELETE_PACING, defineNotionTool } from '../context';
import { markdownInput, notionId } from '../inputs';
import { markdownToBlocks } from '../markdown/to-blocks';
import { notionErrorToToolError } from '../notion-errors';
import { readPageContent } from '../page-content';

/** Most top-level blocks a page may have to be replaced in one call (each is one DELETE). */
const MAX_BLOCKS_REPLACED = 500;
/** Time allowed per append request when checking that the whole replacement fits in the call. */
const APPEND_BUDGET_MS = 1_000;
/** Sub-pages and databases are objects of their own: deleting their block would trash them. */
const KEPT_TYPES = new Set(['child_page', 'child_database']);

export const replacePageContent = defineNotionTool({
  name: 'replace_page_content',
  toolset: 'pages',
  title: 'Replace a page’s content with Markdown',
  description:
    "Replaces everything on a page with content written in Markdown: the new content is written first, then " +
    'every old top-level block (and what is nested in it) is deleted. Sub-pages and inline databases are kept ' +
    '(they stay at the top, before the new content); their ids are returned. Destructive: the old blocks go to ' +
    "Notion's trash and their comments with them; read the page with fetch_page first when only part of it " +
    'should change (append_blocks adds without deleting). An empty markdown clears the page. Limits: at most ' +
    `${MAX_BLOCKS_REPLACED} old top-level blocks, deleted at Notion's 3 requests/s, and the whole replacement must ` +
    'fit in the call timeout (checked before anything is written). Returns { written, removed, keptBlockIds, blockIds }.',
  input: z.object({
    pageId: notionId('page'),
    markdown: markdownInput('The new content of the whole page'),
  }),
  output: z.object({
    written: z.number().describe('New top-level blocks.'),
    removed: z.number().describe('Old top-level blocks deleted.'),
    keptBlockIds: z.array(z.string()).describe('Sub-pages and databases left in place.'),
    blockIds: z.array(z.string()).describe('Ids of the new top-level blocks.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const blocks = markdownToBlocks(input.markdown);
    const existing = await readPageContent(ctx.notion, input.pageId, {
      maxDepth: 1,
      maxBlocks: MAX_BLOCKS_REPLACED + 1,
      maxRequests: Math.ceil((MAX_BLOCKS_REPLACED + 1) / 100),
    });
    if (existing.blockCount > MAX_BLOCKS_REPLACED) {
      throw ToolError.invalidInput(
        `the page has more than ${MAX_BLOCKS_REPLACED} top-level blocks, too many to replace in one call; nothing was ` +
          'changed. Add to it with append_blocks, or create a new page with create_page.',
      );
    }
    const kept = existing.nodes.filter((node) => KEPT_TYPES.has(node.block.type)).map((node) => node.block.id);
    const old = existing.nodes.filter((node) => !KEPT_TYPES.has(node.block.type)).map((node) => node.block.id);
    ensureTimeFor(old.length, Math.ceil(blocks.length / MAX_BLOCKS_PER_REQUEST));

    // New content first: if the call stops half-way, the page still holds everything, never nothing.
    const blockIds = await appendInBatches(ctx.notion, input.pageId, blocks);
    await deleteBlocks(ctx.notion, old);
    return { written: blockIds.length, removed: old.length, keptBlockIds: kept, blockIds };
  },
});

/** Refuses, before writing, a replacement whose paced deletes cannot finish before the call's deadline. */
function ensureTimeFor(deletes: number, appends: number): void {
  const deadline = currentCall()?.deadline;
  if (deadline === undefined) return;
  const neededMs = Math.ceil((deletes * 1000) / BLOCK_DELETE_PACING.requestsPerSecond) + appends * APPEND_BUDGET_MS;
  const leftMs = deadline - Date.now();
  if (neededMs > leftMs) {
    throw ToolError.invalidInput(
      `replacing this page means deleting ${deletes} blocks at Notion's ${BLOCK_DELETE_PACING.requestsPerSecond} requests/s, ` +
        `about ${Math.ceil(neededMs / 1000)}s, more than the ${Math.floor(leftMs / 1000)}s this call has left; nothing was ` +
        'changed. Raise MCP_TOOL_TIMEOUT_MS on the server, or create a new page with create_page.',
    );
  }
}

/** Deletes the old blocks one by one; a failure says how far it got, so the page's state is clear. */
async function deleteBlocks(notion: Client, blockIds: readonly string[]): Promise<void> {
  for (const [index, blockId] of blockIds.entries()) {
    try {
      await notion.blocks.delete({ block_id: blockId });
    } catch (error) {
      const cause = findToolError(error) ?? notionErrorToToolError(error);
      if (!cause) throw error;
      throw new ToolError(
        cause.kind,
        `${cause.message.replace(/\.?$/, '.')} The new content was written, but ${blockIds.length - index} of the ` +
          `${blockIds.length} old blocks are still on the page, above it. Call replace_page_content again with the ` +
          'same markdown to finish (it replaces everything again).',
        cause.details,
      );
    }
  }
}
