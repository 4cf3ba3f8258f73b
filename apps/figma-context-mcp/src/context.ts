import { toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { FigmaContextConfig } from './config';
import { FigmaApi } from './figma-api';

export interface FigmaContextContext {
  figma: FigmaApi;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineFigmaContextTool = toolDefiner<FigmaContextContext>();

/**
 * The only place that reads the tokens. The base calls it once FIGMA_TOKEN or FIGMA_OAUTH_TOKEN
 * is set (the personal access token wins when both are).
 */
export function createFigmaContextContext(config: FigmaContextConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): FigmaContextContext {
  const authHeaders: Record<string, string> = config.FIGMA_TOKEN
    ? { 'x-figma-token': config.FIGMA_TOKEN }
    : { authorization: `Bearer ${config.FIGMA_OAUTH_TOKEN ?? ''}` };
  // Every 429 comes back to FigmaApi as a response (short Retry-Afters are still waited out):
  // the base's own rate-limit error would lose Figma's plan-tier and rate-limit-type headers.
  const fetch = deps.upstreamFetch('Figma', { rateLimit: () => undefined });
  return { figma: new FigmaApi({ baseUrl: config.FIGMA_API_URL, authHeaders, fetch }) };
}
