import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';

/** Hard ceiling on a test completion's output: it proves the model answers, it is not for real work. */
export const TEST_MAX_TOKENS = 64;
const REPLY_CHARS = 2000;

export const testModel = defineOpenrouterSearchTool({
  name: 'test_model',
  toolset: 'testing',
  title: 'Test a model with one short completion (costs credits)',
  description:
    `Sends ONE short chat completion to a model (POST /chat/completions, max_tokens at most ${TEST_MAX_TOKENS}) and ` +
    'returns the reply, the generation id, tokens and the cost in USD. Costs credits: served only when the write ' +
    'policy allows (MCP_ALLOW_DESTRUCTIVE=true), and never retried. Optionally pins one provider (endpoint tag from ' +
    'list_model_endpoints) without fallbacks.',
  input: z.object({
    model: z.string().min(1).describe('Model id, author/slug.'),
    prompt: z.string().min(1).max(2000).default('Reply with the single word: ok').describe('User message (at most 2000 characters).'),
    maxTokens: z.number().int().min(1).max(TEST_MAX_TOKENS).default(16).describe(`Output token cap (1-${TEST_MAX_TOKENS}, default 16).`),
    provider: z.string().min(1).optional().describe('Provider slug to pin, e.g. "openai" (no fallback to others).'),
  }),
  output: z.object({
    generationId: z.string(),
    model: z.string().nullable(),
    provider: z.string().nullable(),
    reply: z.string().nullable(),
    finishReason: z.string().nullable(),
    tokens: z.object({ prompt: z.number().nullable(), completion: z.number().nullable() }),
    costUsd: z.number().nullable().describe('Credits charged for this request, from the response usage.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: async ({ model, prompt, maxTokens, provider }, ctx) => {
    const answer = await ctx.api.chatCompletion({
      model,
      messages: [{ role: 'user', content: prompt }],
      max_tokens: maxTokens,
      stream: false,
      ...(provider ? { provider: { order: [provider], allow_fallbacks: false } } : {}),
    });
    const choice = answer.choices?.[0];
    return {
      generationId: answer.id,
      model: answer.model ?? null,
      provider: answer.provider ?? null,
      reply: capText(choice?.message?.content ?? null, REPLY_CHARS),
      finishReason: choice?.finish_reason ?? null,
      tokens: { prompt: answer.usage?.prompt_tokens ?? null, completion: answer.usage?.completion_tokens ?? null },
      costUsd: answer.usage?.cost ?? null,
    };
  },
});
