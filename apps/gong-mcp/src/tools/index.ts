import type { ToolList } from '@sophia/mcp-base';
import type { GongContext } from '../context';
import { getItem } from './item-get.tool';

/** Every gong-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const gongTools: ToolList<GongContext> = [
  getItem,
];
