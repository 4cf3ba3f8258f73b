import type { BlockObjectRequest, Client } from '@notionhq/client';

/** Notion takes at most 100 blocks per children array. */
export const MAX_BLOCKS_PER_REQUEST = 100;

/**
 * Appends blocks under a page or block in batches of 100, in order, each batch after the last
 * one written. Returns the ids of the top-level blocks created.
 */
export async function appendInBatches(
  notion: Client,
  parentId: string,
  blocks: BlockObjectRequest[],
  afterBlockId?: string,
): Promise<string[]> {
  const ids: string[] = [];
  let after = afterBlockId;
  for (let start = 0; start < blocks.length; start += MAX_BLOCKS_PER_REQUEST) {
    const response = await notion.blocks.children.append({
      block_id: parentId,
      children: blocks.slice(start, start + MAX_BLOCKS_PER_REQUEST),
      // `after` is what Notion-Version 2025-09-03 documents (newer SDK types prefer `position`).
      ...(after && { after }),
    });
    const created = response.results.map((block) => block.id);
    ids.push(...created);
    after = after ? created[created.length - 1] : undefined;
  }
  return ids;
}
