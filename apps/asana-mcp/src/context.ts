import { UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import type { AsanaConfig } from './config';

export interface AsanaContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineAsanaTool = toolDefiner<AsanaContext>();

/**
 * The only place that reads the token. The base calls it only once ASANA_TOKEN is set;
 * UpstreamClient adds timeouts, retries, metrics and the mapping of failures to ToolErrors.
 */
export function createAsanaContext(config: AsanaConfig, deps: { metrics: ServerMetrics }): AsanaContext {
  return {
    api: new UpstreamClient({
      service: 'Asana',
      baseUrl: config.ASANA_API_URL,
      metrics: deps.metrics,
      headers: { authorization: `Bearer ${config.ASANA_TOKEN}` },
    }),
  };
}
