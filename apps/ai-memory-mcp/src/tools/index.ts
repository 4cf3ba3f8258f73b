import type { ToolList } from '@sophia/mcp-base';
import type { AiMemoryContext } from '../context';
import { itemGet } from './item-get.tool';

/** Every ai-memory-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const aiMemoryTools: ToolList<AiMemoryContext> = [
  itemGet,
];
