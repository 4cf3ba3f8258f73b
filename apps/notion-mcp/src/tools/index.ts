import type { ToolList } from '@sophia/mcp-base';
import type { NotionContext } from '../context';
import { itemGet } from './item-get.tool';

/** Every notion-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const notionTools: ToolList<NotionContext> = [
  itemGet,
];
