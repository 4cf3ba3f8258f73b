import { UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import { AsanaApi } from './asana-api';
import type { AsanaConfig } from './config';

export interface AsanaContext {
  api: AsanaApi;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineAsanaTool = toolDefiner<AsanaContext>();

/**
 * The only place that reads the token. The base calls it only once ASANA_TOKEN is set;
 * UpstreamClient adds timeouts, retries, metrics and the mapping of failures to ToolErrors,
 * AsanaApi the `{ data }` envelope, offset pages and Asana's error messages.
 */
export function createAsanaContext(config: AsanaConfig, deps: { metrics: ServerMetrics }): AsanaContext {
  const http = new UpstreamClient({
    service: 'Asana',
    baseUrl: config.ASANA_API_URL,
    metrics: deps.metrics,
    headers: { authorization: `Bearer ${config.ASANA_TOKEN}` },
    retries: config.ASANA_RETRIES,
    maxRetryAfterMs: config.ASANA_MAX_RETRY_AFTER_MS,
    retryDelayMs: config.ASANA_RETRY_DELAY_MS,
    timeoutMs: config.ASANA_TIMEOUT_MS,
  });
  return { api: new AsanaApi(http) };
}
