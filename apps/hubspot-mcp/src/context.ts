import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { HubspotConfig } from './config';
import { HubspotApi } from './hubspot-api';
import { withHubspotErrorMessages } from './hubspot-errors';

export interface HubspotContext {
  hubspot: HubspotApi;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineHubspotTool = toolDefiner<HubspotContext>();

/**
 * The only place that reads the token. Plain REST on the base's UpstreamClient rather than
 * @hubspot/api-client: that SDK (13.x, the last major for Node 20) sends every request through its
 * own node-fetch import, and its Client configuration has no fetch option, so its requests could not
 * go through the base's upstream fetch (call binding, timeouts, the one retry policy, metrics).
 */
export function createHubspotContext(config: HubspotConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): HubspotContext {
  const http = new UpstreamClient({
    service: 'HubSpot',
    baseUrl: config.HUBSPOT_API_URL,
    headers: { authorization: `Bearer ${config.HUBSPOT_ACCESS_TOKEN}` },
    fetch: withHubspotErrorMessages(
      deps.upstreamFetch('HubSpot', {
        // Only the search endpoints have the ~4/s limit; the rest share the account's larger burst limit.
        pacing: { requestsPerSecond: config.HUBSPOT_SEARCH_PER_SECOND, applies: (url) => url.pathname.endsWith('/search') },
      }),
    ),
  });
  return { hubspot: new HubspotApi(http) };
}
