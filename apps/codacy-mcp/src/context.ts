import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { CodacyConfig } from './config';

export interface CodacyContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineCodacyTool = toolDefiner<CodacyContext>();

/**
 * The only place that reads the token. The base calls it only once CODACY_API_TOKEN is set; the
 * base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of
 * failures to ToolErrors.
 */
export function createCodacyContext(config: CodacyConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): CodacyContext {
  return {
    api: new UpstreamClient({
      service: 'Codacy',
      baseUrl: config.CODACY_API_URL,
      headers: { authorization: `Bearer ${config.CODACY_API_TOKEN}` },
      fetch: deps.upstreamFetch('Codacy'),
    }),
  };
}
