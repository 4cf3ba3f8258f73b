import { z } from 'zod';
import { blendedPerMillion, perMillion, pricesOf } from './model-shapes';
import type { RawModel } from './openrouter-types';

/** The constraints search_models and recommend_models share. */
export const modelConstraintsInput = {
  provider: z.string().min(1).optional().describe('Model author as in the id prefix, e.g. "anthropic", "openai", "meta-llama".'),
  inputModalities: z.array(z.string().min(1)).optional().describe('Every one must be accepted, e.g. ["text", "image"] (also "file", "audio", "video").'),
  outputModalities: z.array(z.string().min(1)).optional().describe('Every one must be produced, e.g. ["image"] (also "text", "audio", "embeddings").'),
  minContext: z.number().int().positive().optional().describe('Minimum context window in tokens.'),
  maxPromptPricePerMillion: z.number().nonnegative().optional().describe('Maximum USD per million input tokens.'),
  maxCompletionPricePerMillion: z.number().nonnegative().optional().describe('Maximum USD per million output tokens.'),
  requiredParameters: z
    .array(z.string().min(1))
    .optional()
    .describe('Supported parameters every model must have, e.g. ["tools"], ["structured_outputs"], ["reasoning"].'),
};

export type ModelConstraints = {
  [K in keyof typeof modelConstraintsInput]?: z.output<(typeof modelConstraintsInput)[K]>;
};

/** Whether a model meets every given constraint; a price limit excludes models with unknown prices. */
export function meetsConstraints(model: RawModel, constraints: ModelConstraints): boolean {
  const { provider, inputModalities, outputModalities, minContext, maxPromptPricePerMillion, maxCompletionPricePerMillion, requiredParameters } = constraints;
  if (provider && model.id.split('/')[0].toLowerCase() !== provider.toLowerCase()) return false;
  if (!includesAll(model.architecture?.input_modalities, inputModalities)) return false;
  if (!includesAll(model.architecture?.output_modalities, outputModalities)) return false;
  if (!includesAll(model.supported_parameters, requiredParameters)) return false;
  if (minContext !== undefined && (model.context_length ?? 0) < minContext) return false;
  if (!withinPrice(perMillion(model.pricing?.prompt), maxPromptPricePerMillion)) return false;
  return withinPrice(perMillion(model.pricing?.completion), maxCompletionPricePerMillion);
}

/**
 * How well a model matches free text: every word must occur in its id, name or description
 * (0 = no match); words in the id or name count more.
 */
export function textScore(model: RawModel, query: string | undefined): number {
  const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  const title = `${model.id} ${model.name ?? ''}`.toLowerCase();
  const description = (model.description ?? '').toLowerCase();
  let score = 0;
  for (const word of words) {
    if (title.includes(word)) score += 3;
    else if (description.includes(word)) score += 1;
    else return 0;
  }
  return score;
}

/** A model's price to rank by (see blendedPerMillion); null when unknown or variable. */
export function blendedPrice(model: RawModel): number | null {
  return blendedPerMillion(pricesOf(model.pricing));
}

function includesAll(have: string[] | undefined, want: string[] | undefined): boolean {
  if (!want?.length) return true;
  const set = new Set((have ?? []).map((item) => item.toLowerCase()));
  return want.every((item) => set.has(item.toLowerCase()));
}

function withinPrice(price: number | null, limit: number | undefined): boolean {
  return limit === undefined || (price !== null && price <= limit);
}
