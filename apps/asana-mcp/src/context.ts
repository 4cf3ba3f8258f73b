import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import { AsanaApi } from './asana-api';
import type { AsanaConfig } from './config';

export interface AsanaContext {
  api: AsanaApi;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineAsanaTool = toolDefiner<AsanaContext>();

/**
 * The only place that reads the token. The base calls it only once ASANA_TOKEN is set;
 * the base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of
 * HTTP failures to ToolErrors, AsanaApi the `{ data }` envelope, offset pages and Asana's messages.
 */
export function createAsanaContext(config: AsanaConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): AsanaContext {
  const http = new UpstreamClient({
    service: 'Asana',
    baseUrl: config.ASANA_API_URL,
    headers: { authorization: `Bearer ${config.ASANA_TOKEN}` },
    fetch: deps.upstreamFetch('Asana'),
  });
  return { api: new AsanaApi(http) };
}
