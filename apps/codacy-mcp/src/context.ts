import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import { CodacyApi } from './codacy-api';
import type { CodacyConfig } from './config';

export interface CodacyContext {
  api: CodacyApi;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineCodacyTool = toolDefiner<CodacyContext>();

/**
 * The only place that reads the token. The base calls it only once CODACY_API_TOKEN is set; the
 * base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of HTTP
 * failures to ToolErrors (Codacy's `message` included), CodacyApi the `{ data, pagination }` envelope.
 * Codacy API v3 takes the account token in its own `api-token` header, not as a Bearer token.
 */
export function createCodacyContext(config: CodacyConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): CodacyContext {
  const http = new UpstreamClient({
    service: 'Codacy',
    baseUrl: config.CODACY_API_URL,
    headers: { 'api-token': `${config.CODACY_API_TOKEN}` },
    fetch: deps.upstreamFetch('Codacy'),
  });
  return { api: new CodacyApi(http) };
}
