import { UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import type { SlackConfig } from './config';

export interface SlackContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineSlackTool = toolDefiner<SlackContext>();

/**
 * The only place that reads the token. The base calls it only once SLACK_TOKEN is set;
 * UpstreamClient adds timeouts, retries, metrics and the mapping of failures to ToolErrors.
 */
export function createSlackContext(config: SlackConfig, deps: { metrics: ServerMetrics }): SlackContext {
  return {
    api: new UpstreamClient({
      service: 'Slack',
      baseUrl: config.SLACK_API_URL,
      metrics: deps.metrics,
      headers: { authorization: `Bearer ${config.SLACK_TOKEN}` },
    }),
  };
}
