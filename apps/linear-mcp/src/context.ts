import { UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import type { LinearConfig } from './config';

export interface LinearContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineLinearTool = toolDefiner<LinearContext>();

/**
 * The only place that reads the token. The base calls it only once LINEAR_API_KEY is set;
 * UpstreamClient adds timeouts, retries, metrics and the mapping of failures to ToolErrors.
 */
export function createLinearContext(config: LinearConfig, deps: { metrics: ServerMetrics }): LinearContext {
  return {
    api: new UpstreamClient({
      service: 'Linear',
      baseUrl: config.LINEAR_API_URL,
      metrics: deps.metrics,
      headers: { authorization: `Bearer ${config.LINEAR_API_KEY}` },
    }),
  };
}
