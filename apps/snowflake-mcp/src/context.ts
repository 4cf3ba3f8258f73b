import { UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import type { SnowflakeConfig } from './config';

export interface SnowflakeContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineSnowflakeTool = toolDefiner<SnowflakeContext>();

/**
 * The only place that reads the token. The base calls it only once SNOWFLAKE_TOKEN is set;
 * UpstreamClient adds timeouts, retries, metrics and the mapping of failures to ToolErrors.
 */
export function createSnowflakeContext(config: SnowflakeConfig, deps: { metrics: ServerMetrics }): SnowflakeContext {
  return {
    api: new UpstreamClient({
      service: 'Snowflake',
      baseUrl: config.SNOWFLAKE_API_URL,
      metrics: deps.metrics,
      headers: { authorization: `Bearer ${config.SNOWFLAKE_TOKEN}` },
    }),
  };
}
