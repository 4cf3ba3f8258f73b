import { isFullBlock, type Client } from '@notionhq/client';
import type { BlockNode } from './markdown/from-blocks';

export interface ContentLimits {
  /** Levels of blocks to read: 1 = only the page's top-level blocks. */
  maxDepth: number;
  /** Most blocks read in total. */
  maxBlocks: number;
  /** Most block-children requests, so one call stays well inside Notion's ~3 requests/s budget. */
  maxRequests: number;
}

export interface PageContent {
  nodes: BlockNode[];
  blockCount: number;
  /** False when a limit stopped the walk; the Markdown then carries "not fetched" markers. */
  complete: boolean;
}

/** Blocks that are pages or databases of their own: listed, never walked into. */
const SEPARATE_OBJECTS = new Set(['child_page', 'child_database']);

/**
 * Reads a page's blocks and their children up to the limits. Each block's child list is read in
 * full before any of its grandchildren, so a limit cuts deep detail before later top-level blocks.
 */
export async function readPageContent(notion: Client, pageId: string, limits: ContentLimits): Promise<PageContent> {
  const state = { blocks: 0, requests: 0, complete: true };

  async function readChildren(blockId: string, depth: number): Promise<BlockNode[]> {
    const nodes: BlockNode[] = [];
    let cursor: string | undefined;
    do {
      if (state.blocks >= limits.maxBlocks || state.requests >= limits.maxRequests) {
        state.complete = false;
        break;
      }
      state.requests += 1;
      const page = await notion.blocks.children.list({
        block_id: blockId,
        start_cursor: cursor,
        page_size: Math.min(100, limits.maxBlocks - state.blocks),
      });
      for (const block of page.results.filter(isFullBlock)) {
        nodes.push({ block, children: [] });
        state.blocks += 1;
      }
      cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
      if (cursor && state.blocks >= limits.maxBlocks) state.complete = false;
    } while (cursor && state.blocks < limits.maxBlocks);

    for (const node of nodes) {
      if (!node.block.has_children || SEPARATE_OBJECTS.has(node.block.type)) continue;
      if (depth + 1 >= limits.maxDepth || state.blocks >= limits.maxBlocks || state.requests >= limits.maxRequests) {
        node.childrenOmitted = true;
        state.complete = false;
        continue;
      }
      node.children = await readChildren(node.block.id, depth + 1);
    }
    return nodes;
  }

  const nodes = await readChildren(pageId, 0);
  return { nodes, blockCount: state.blocks, complete: state.complete };
}
