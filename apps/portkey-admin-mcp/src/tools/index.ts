import type { ToolList } from '@sophia/mcp-base';
import type { PortkeyAdminContext } from '../context';
import { listApiKeys } from './api-keys-list.tool';
import { getConfig } from './config-get.tool';
import { updateConfig } from './config-update.tool';
import { listConfigs } from './configs-list.tool';
import { getCostAnalytics } from './cost-analytics-get.tool';
import { renderPrompt } from './prompt-render.tool';
import { listPrompts } from './prompts-list.tool';
import { getRequestAnalytics } from './request-analytics-get.tool';
import { listVirtualKeys } from './virtual-keys-list.tool';
import { listWorkspaces } from './workspaces-list.tool';

/** Every portkey-admin-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const portkeyAdminTools: ToolList<PortkeyAdminContext> = [
  listConfigs,
  getConfig,
  listVirtualKeys,
  listApiKeys,
  listPrompts,
  renderPrompt,
  getCostAnalytics,
  getRequestAnalytics,
  listWorkspaces,
  // write (destructive per the fleet write policy: off unless MCP_ALLOW_DESTRUCTIVE=true)
  updateConfig,
];
