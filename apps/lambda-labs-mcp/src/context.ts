import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { LambdaLabsConfig } from './config';

export interface LambdaLabsContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineLambdaLabsTool = toolDefiner<LambdaLabsContext>();

/**
 * The only place that reads the token. The base calls it only once LAMBDA_API_KEY is set; the
 * base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of
 * failures to ToolErrors.
 */
export function createLambdaLabsContext(config: LambdaLabsConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): LambdaLabsContext {
  return {
    api: new UpstreamClient({
      service: 'Lambda Cloud',
      baseUrl: config.LAMBDA_API_URL,
      headers: { authorization: `Bearer ${config.LAMBDA_API_KEY}` },
      fetch: deps.upstreamFetch('Lambda Cloud'),
    }),
  };
}
