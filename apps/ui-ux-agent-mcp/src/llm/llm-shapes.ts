import { z } from 'zod';
import type { ChatAnswer } from './openrouter-chat';

/** Inputs and outputs the three LLM tools share. */

export const tokensInput = z
  .string()
  .max(20_000)
  .optional()
  .describe('Design tokens to follow: the CSS, Tailwind theme or JSON from generate_design_tokens, or your own.');

export const maxTokensInput = z
  .number()
  .int()
  .min(256)
  .max(32_000)
  .optional()
  .describe('Completion budget; never above the server cap UI_UX_MAX_TOKENS (the default).');

export const generationFields = {
  model: z.string(),
  generationId: z.string().nullable(),
  truncated: z.boolean().describe('True when the model hit max_tokens: the output is cut.'),
  usage: z.object({ promptTokens: z.number().nullable(), completionTokens: z.number().nullable(), costUsd: z.number().nullable() }),
};

export const componentOutput = z.object({
  language: z.string(),
  code: z.string().describe('The component module, without a Markdown fence.'),
  notes: z.string().nullable(),
  ...generationFields,
});

export const generationMeta = (answer: ChatAnswer) => ({
  model: answer.model,
  generationId: answer.generationId,
  truncated: answer.truncated,
  usage: answer.usage,
});
