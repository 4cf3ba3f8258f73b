import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { UiUxAgentConfig } from './config';
import { OpenRouterChat } from './llm/openrouter-chat';

export interface UiUxAgentContext {
  /** Absent without OPENROUTER_API_KEY: the LLM tools then answer not_configured, the rest work. */
  chat: OpenRouterChat | undefined;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineUiUxAgentTool = toolDefiner<UiUxAgentContext, UiUxAgentConfig>();

/**
 * The only place that reads the key. The manifest requires nothing, so the base builds this context
 * with or without it; the offline tools never touch the network.
 */
export function createUiUxAgentContext(config: UiUxAgentConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): UiUxAgentContext {
  if (!config.OPENROUTER_API_KEY) return { chat: undefined };
  const http = new UpstreamClient({
    service: 'OpenRouter',
    baseUrl: config.OPENROUTER_API_URL,
    headers: { authorization: `Bearer ${config.OPENROUTER_API_KEY}` },
    fetch: deps.upstreamFetch('OpenRouter'),
  });
  return { chat: new OpenRouterChat(http, { model: config.UI_UX_MODEL, maxTokens: config.UI_UX_MAX_TOKENS }) };
}
