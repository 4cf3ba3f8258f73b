import { ToolError } from '@sophia/mcp-base';
import type { UiUxAgentContext } from '../context';
import type { OpenRouterChat } from './openrouter-chat';

/** The chat client, or the not_configured answer naming the key (the offline tools need none). */
export function requireChat(ctx: UiUxAgentContext): OpenRouterChat {
  if (ctx.chat) return ctx.chat;
  throw ToolError.notConfigured(
    'OpenRouter (for the LLM tools)',
    'OPENROUTER_API_KEY',
    'The offline tools (check_contrast, fix_contrast, generate_palette, generate_design_tokens, simulate_color_vision, audit_html) work without it.',
  );
}
