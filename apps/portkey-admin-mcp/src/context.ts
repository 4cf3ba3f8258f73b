import { toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { PortkeyAdminConfig } from './config';
import { PortkeyApi } from './portkey-api';

export interface PortkeyAdminContext {
  api: PortkeyApi;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const definePortkeyAdminTool = toolDefiner<PortkeyAdminContext>();

/**
 * The only place that reads the key. The base calls it only once PORTKEY_API_KEY is set; the
 * base's upstream fetch adds timeouts, retries and metrics, PortkeyApi the mapping of Portkey's
 * `{ success: false, data: { message, errorCode } }` error bodies to ToolErrors.
 */
export function createPortkeyAdminContext(config: PortkeyAdminConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): PortkeyAdminContext {
  return {
    api: new PortkeyApi({
      baseUrl: config.PORTKEY_API_URL,
      apiKey: `${config.PORTKEY_API_KEY}`,
      fetch: deps.upstreamFetch('Portkey'),
    }),
  };
}
