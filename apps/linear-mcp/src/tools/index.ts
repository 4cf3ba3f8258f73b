import type { ToolList } from '@sophia/mcp-base';
import type { LinearContext } from '../context';
import { itemGet } from './item-get.tool';

/** Every linear-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const linearTools: ToolList<LinearContext> = [
  itemGet,
];
