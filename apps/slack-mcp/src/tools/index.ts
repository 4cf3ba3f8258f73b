import type { ToolList } from '@sophia/mcp-base';
import type { SlackContext } from '../context';
import { itemGet } from './item-get.tool';

/** Every slack-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const slackTools: ToolList<SlackContext> = [
  itemGet,
];
