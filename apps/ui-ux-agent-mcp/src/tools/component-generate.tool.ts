import { z } from 'zod';
import { defineUiUxAgentTool } from '../context';
import { componentResult } from '../llm/component-answer';
import { componentOutput, maxTokensInput, tokensInput } from '../llm/llm-shapes';
import { GENERATE_SYSTEM_PROMPT, withTokens } from '../llm/prompts';
import { requireChat } from '../llm/require-chat';

export const generateComponent = defineUiUxAgentTool({
  name: 'generate_component',
  toolset: 'llm',
  title: 'Generate a React + Tailwind component',
  description:
    'Writes one accessible React component (TypeScript, Tailwind classes) from a description, following design ' +
    'tokens when given (e.g. from generate_design_tokens). One OpenRouter completion with the configured model ' +
    '(UI_UX_MODEL): costs credits, never retried, max_tokens capped by UI_UX_MAX_TOKENS. Returns the code as one ' +
    'string plus notes, the generation id and cost. Check the result with audit_html or review_ui. Needs OPENROUTER_API_KEY.',
  input: z.object({
    description: z.string().min(3).max(4000).describe('What to build: purpose, content, states, layout, e.g. "pricing card with monthly/yearly toggle".'),
    tokens: tokensInput,
    maxTokens: maxTokensInput,
  }),
  output: componentOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async ({ description, tokens, maxTokens }, ctx) => {
    const answer = await requireChat(ctx).complete(GENERATE_SYSTEM_PROMPT, withTokens(`Build this component:\n${description}`, tokens), maxTokens);
    return componentResult(answer);
  },
});
