import type { ToolList } from '@sophia/mcp-base';
import type { AsanaContext } from '../context';
import { itemGet } from './item-get.tool';

/** Every asana-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const asanaTools: ToolList<AsanaContext> = [
  itemGet,
];
