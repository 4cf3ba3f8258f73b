import type { ToolList } from '@sophia/mcp-base';
import type { CodacyContext } from '../context';
import { getItem } from './item-get.tool';

/** Every codacy-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const codacyTools: ToolList<CodacyContext> = [
  getItem,
];
