import type { ToolList } from '@sophia/mcp-base';
import type { HubspotContext } from '../context';
import { getItem } from './item-get.tool';

/** Every hubspot-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const hubspotTools: ToolList<HubspotContext> = [
  getItem,
];
