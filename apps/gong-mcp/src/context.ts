import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { GongConfig } from './config';

export interface GongContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineGongTool = toolDefiner<GongContext>();

/**
 * The only place that reads the token. The base calls it only once GONG_ACCESS_KEY is set; the
 * base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of
 * failures to ToolErrors.
 */
export function createGongContext(config: GongConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): GongContext {
  return {
    api: new UpstreamClient({
      service: 'Gong',
      baseUrl: config.GONG_API_URL,
      headers: { authorization: `Bearer ${config.GONG_ACCESS_KEY}` },
      fetch: deps.upstreamFetch('Gong'),
    }),
  };
}
