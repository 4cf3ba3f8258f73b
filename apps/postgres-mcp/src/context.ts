import { UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import type { PostgresConfig } from './config';

export interface PostgresContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const definePostgresTool = toolDefiner<PostgresContext>();

/**
 * The only place that reads the token. The base calls it only once DATABASE_URL is set;
 * UpstreamClient adds timeouts, retries, metrics and the mapping of failures to ToolErrors.
 */
export function createPostgresContext(config: PostgresConfig, deps: { metrics: ServerMetrics }): PostgresContext {
  return {
    api: new UpstreamClient({
      service: 'PostgreSQL',
      baseUrl: config.POSTGRES_API_URL,
      metrics: deps.metrics,
      headers: { authorization: `Bearer ${config.DATABASE_URL}` },
    }),
  };
}
