import type { ToolList } from '@sophia/mcp-base';
import type { FigmaContextContext } from '../context';
import { getItem } from './item-get.tool';

/** Every figma-context-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const figmaContextTools: ToolList<FigmaContextContext> = [
  getItem,
];
