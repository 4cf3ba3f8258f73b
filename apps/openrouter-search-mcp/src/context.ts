import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { OpenrouterSearchConfig } from './config';
import { ModelCatalog } from './model-catalog';
import { OpenRouterApi } from './openrouter-api';

export interface OpenrouterSearchContext {
  api: OpenRouterApi;
  /** /models, cached in-process for OPENROUTER_MODELS_TTL_SECONDS. */
  catalog: ModelCatalog;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineOpenrouterSearchTool = toolDefiner<OpenrouterSearchContext>();

/** What the context factory may be given besides config: the clock the catalogue's TTL reads. */
export interface ContextOptions {
  now?: () => number;
}

/**
 * The only place that reads the key. The base calls it once per runtime, only once
 * OPENROUTER_API_KEY is set; the base's upstream fetch adds timeouts, retries (reads only) and
 * metrics, UpstreamClient the mapping of HTTP failures to ToolErrors with OpenRouter's message.
 */
export function contextFactory({ now = Date.now }: ContextOptions = {}) {
  return (config: OpenrouterSearchConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): OpenrouterSearchContext => {
    const api = new OpenRouterApi(
      new UpstreamClient({
        service: 'OpenRouter',
        baseUrl: config.OPENROUTER_API_URL,
        headers: { authorization: `Bearer ${config.OPENROUTER_API_KEY}` },
        fetch: deps.upstreamFetch('OpenRouter'),
      }),
    );
    return { api, catalog: new ModelCatalog({ ttlSeconds: config.OPENROUTER_MODELS_TTL_SECONDS, now, load: () => api.allModels() }) };
  };
}
