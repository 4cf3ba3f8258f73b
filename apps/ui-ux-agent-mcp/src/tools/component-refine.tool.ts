import { z } from 'zod';
import { defineUiUxAgentTool } from '../context';
import { componentResult } from '../llm/component-answer';
import { componentOutput, maxTokensInput, tokensInput } from '../llm/llm-shapes';
import { REFINE_SYSTEM_PROMPT, withTokens } from '../llm/prompts';
import { requireChat } from '../llm/require-chat';

export const refineComponent = defineUiUxAgentTool({
  name: 'refine_component',
  toolset: 'llm',
  title: 'Refine a React component',
  description:
    'Applies change requests to an existing React component (e.g. from generate_component, or findings from ' +
    'review_ui / audit_html) and returns the whole updated module, keeping names and props. One OpenRouter ' +
    'completion: costs credits, never retried, max_tokens capped by UI_UX_MAX_TOKENS. Needs OPENROUTER_API_KEY.',
  input: z.object({
    code: z.string().min(1).max(60_000).describe('The current component source.'),
    instructions: z.string().min(3).max(4000).describe('What to change, e.g. "add a loading state; fix the missing label".'),
    tokens: tokensInput,
    maxTokens: maxTokensInput,
  }),
  output: componentOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async ({ code, instructions, tokens, maxTokens }, ctx) => {
    const request = `Current component:\n\`\`\`tsx\n${code}\n\`\`\`\n\nChanges to make:\n${instructions}`;
    return componentResult(await requireChat(ctx).complete(REFINE_SYSTEM_PROMPT, withTokens(request, tokens), maxTokens));
  },
});
