import { UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import type { AiMemoryConfig } from './config';

export interface AiMemoryContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineAiMemoryTool = toolDefiner<AiMemoryContext>();

/**
 * The only place that reads the token. The base calls it only once EMBEDDINGS_API_KEY is set;
 * UpstreamClient adds timeouts, retries, metrics and the mapping of failures to ToolErrors.
 */
export function createAiMemoryContext(config: AiMemoryConfig, deps: { metrics: ServerMetrics }): AiMemoryContext {
  return {
    api: new UpstreamClient({
      service: 'AI-Memory',
      baseUrl: config.AI_MEMORY_API_URL,
      metrics: deps.metrics,
      headers: { authorization: `Bearer ${config.EMBEDDINGS_API_KEY}` },
    }),
  };
}
