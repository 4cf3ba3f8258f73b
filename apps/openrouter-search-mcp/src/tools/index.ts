import type { ToolList } from '@sophia/mcp-base';
import type { OpenrouterSearchContext } from '../context';
import { getItem } from './item-get.tool';

/** Every openrouter-search-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const openrouterSearchTools: ToolList<OpenrouterSearchContext> = [
  getItem,
];
