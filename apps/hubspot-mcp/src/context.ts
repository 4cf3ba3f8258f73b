import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { HubspotConfig } from './config';

export interface HubspotContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineHubspotTool = toolDefiner<HubspotContext>();

/**
 * The only place that reads the token. The base calls it only once HUBSPOT_ACCESS_TOKEN is set; the
 * base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of
 * failures to ToolErrors.
 */
export function createHubspotContext(config: HubspotConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): HubspotContext {
  return {
    api: new UpstreamClient({
      service: 'HubSpot',
      baseUrl: config.HUBSPOT_API_URL,
      headers: { authorization: `Bearer ${config.HUBSPOT_ACCESS_TOKEN}` },
      fetch: deps.upstreamFetch('HubSpot'),
    }),
  };
}
