import type { ToolList } from '@sophia/mcp-base';
import type { UiUxAgentContext } from '../context';
import { getItem } from './item-get.tool';

/** Every ui-ux-agent-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const uiUxAgentTools: ToolList<UiUxAgentContext> = [
  getItem,
];
