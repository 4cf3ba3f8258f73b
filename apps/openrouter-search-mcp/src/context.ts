import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { OpenrouterSearchConfig } from './config';

export interface OpenrouterSearchContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineOpenrouterSearchTool = toolDefiner<OpenrouterSearchContext>();

/**
 * The only place that reads the token. The base calls it only once OPENROUTER_API_KEY is set; the
 * base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of
 * failures to ToolErrors.
 */
export function createOpenrouterSearchContext(config: OpenrouterSearchConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): OpenrouterSearchContext {
  return {
    api: new UpstreamClient({
      service: 'OpenRouter',
      baseUrl: config.OPENROUTER_API_URL,
      headers: { authorization: `Bearer ${config.OPENROUTER_API_KEY}` },
      fetch: deps.upstreamFetch('OpenRouter'),
    }),
  };
}
