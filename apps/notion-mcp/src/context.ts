import { UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import type { NotionConfig } from './config';

export interface NotionContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineNotionTool = toolDefiner<NotionContext>();

/**
 * The only place that reads the token. The base calls it only once NOTION_TOKEN is set;
 * UpstreamClient adds timeouts, retries, metrics and the mapping of failures to ToolErrors.
 */
export function createNotionContext(config: NotionConfig, deps: { metrics: ServerMetrics }): NotionContext {
  return {
    api: new UpstreamClient({
      service: 'Notion',
      baseUrl: config.NOTION_API_URL,
      metrics: deps.metrics,
      headers: { authorization: `Bearer ${config.NOTION_TOKEN}` },
    }),
  };
}
