import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { UiUxAgentConfig } from './config';

export interface UiUxAgentContext {
  api: UpstreamClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineUiUxAgentTool = toolDefiner<UiUxAgentContext>();

/**
 * The only place that reads the token. The base calls it only once OPENROUTER_API_KEY is set; the
 * base's upstream fetch adds timeouts, retries and metrics, UpstreamClient the mapping of
 * failures to ToolErrors.
 */
export function createUiUxAgentContext(config: UiUxAgentConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): UiUxAgentContext {
  return {
    api: new UpstreamClient({
      service: 'UI/UX agent',
      baseUrl: config.UI_UX_AGENT_API_URL,
      headers: { authorization: `Bearer ${config.OPENROUTER_API_KEY}` },
      fetch: deps.upstreamFetch('UI/UX agent'),
    }),
  };
}
