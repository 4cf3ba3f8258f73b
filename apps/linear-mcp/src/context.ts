import { toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { LinearConfig } from './config';
import { LinearApi } from './linear-api';
import { linearRateLimit } from './linear-errors';

export interface LinearContext {
  linear: LinearApi;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineLinearTool = toolDefiner<LinearContext>();

/**
 * The only place that reads the key. The base calls it only once LINEAR_API_KEY is set.
 * A personal API key goes out as `Authorization: <key>` (no "Bearer"), which is what the
 * SDK's `apiKey` option does.
 */
export function createLinearContext(config: LinearConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): LinearContext {
  return {
    linear: new LinearApi({
      apiKey: config.LINEAR_API_KEY ?? '',
      apiUrl: config.LINEAR_API_URL,
      fetch: deps.upstreamFetch('Linear', { rateLimit: linearRateLimit }),
    }),
  };
}
