import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { FigmaContextConfig } from './config';

export interface FigmaContextContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineFigmaContextTool = toolDefiner<FigmaContextContext>();

/**
 * The only place that reads the token. The base calls it only once FIGMA_TOKEN is set; the
 * base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of
 * failures to ToolErrors.
 */
export function createFigmaContextContext(config: FigmaContextConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): FigmaContextContext {
  return {
    api: new UpstreamClient({
      service: 'Figma',
      baseUrl: config.FIGMA_CONTEXT_API_URL,
      headers: { authorization: `Bearer ${config.FIGMA_TOKEN}` },
      fetch: deps.upstreamFetch('Figma'),
    }),
  };
}
