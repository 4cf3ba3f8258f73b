import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import type { CatalogInfo } from './model-catalog';
import type { RawModel, RawPricing } from './openrouter-types';

/** Parameters worth naming in a summary: what people filter models on. */
export const NOTABLE_PARAMETERS = ['tools', 'structured_outputs', 'response_format', 'reasoning', 'web_search_options'] as const;

/** USD per million tokens from OpenRouter's USD-per-token string; null when unknown or variable ("-1"). */
export function perMillion(price: string | undefined): number | null {
  if (price === undefined || price === '') return null;
  const value = Number(price);
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 1e6 * 10_000) / 10_000;
}

export const pricePerMillionSchema = z.object({
  prompt: z.number().nullable().describe('USD per million input tokens (null: unknown or variable).'),
  completion: z.number().nullable().describe('USD per million output tokens (null: unknown or variable).'),
});

export function pricesOf(pricing: RawPricing | undefined) {
  return { prompt: perMillion(pricing?.prompt), completion: perMillion(pricing?.completion) };
}

/** One price to rank by: USD per million tokens, input and output weighted 3:1 like typical chat use. */
export function blendedPerMillion(prices: { prompt: number | null; completion: number | null }): number | null {
  return prices.prompt === null || prices.completion === null ? null : (3 * prices.prompt + prices.completion) / 4;
}

export const catalogInfoSchema = z
  .object({
    fetchedAt: z.string(),
    ageSeconds: z.number().describe('Age of the cached model catalogue.'),
    ttlSeconds: z.number(),
    models: z.number().describe('Models in the catalogue.'),
  })
  .describe('The in-process copy of /models this answer comes from.');

export type { CatalogInfo };

export const modelSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  contextLength: z.number().nullable(),
  pricePerMillion: pricePerMillionSchema,
  inputModalities: z.array(z.string()),
  outputModalities: z.array(z.string()),
  maxCompletionTokens: z.number().nullable(),
  supports: z.array(z.string()).describe('Notable supported parameters (tools, structured_outputs, reasoning, …).'),
  created: z.string().nullable().describe('Date the model was added to OpenRouter.'),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export function modelSummary(model: RawModel): ModelSummary {
  const supported = new Set(model.supported_parameters ?? []);
  return {
    id: model.id,
    name: model.name ?? model.id,
    contextLength: model.context_length ?? model.top_provider?.context_length ?? null,
    pricePerMillion: pricesOf(model.pricing),
    inputModalities: model.architecture?.input_modalities ?? [],
    outputModalities: model.architecture?.output_modalities ?? [],
    maxCompletionTokens: model.top_provider?.max_completion_tokens ?? null,
    supports: NOTABLE_PARAMETERS.filter((parameter) => supported.has(parameter)),
    created: createdDate(model.created),
  };
}

export const modelDetailSchema = modelSummarySchema.extend({
  description: z.string().nullable(),
  canonicalSlug: z.string().nullable(),
  tokenizer: z.string().nullable(),
  supportedParameters: z.array(z.string()),
  otherPrices: z.record(z.string(), z.number()).describe('Other non-zero prices in USD (per request, per image, per million cached or reasoning tokens).'),
  isModerated: z.boolean().nullable(),
  expirationDate: z.string().nullable(),
  knowledgeCutoff: z.string().nullable(),
});

/** Long descriptions are cut: a model needs the gist, not the marketing copy. */
const DESCRIPTION_CHARS = 1500;

export function modelDetail(model: RawModel) {
  const pricing = model.pricing ?? {};
  const otherPrices: Record<string, number> = {};
  for (const [key, per] of [['request', 1], ['image', 1], ['input_cache_read', 1e6], ['internal_reasoning', 1e6]] as const) {
    const value = Number(pricing[key]);
    if (Number.isFinite(value) && value > 0) otherPrices[per === 1 ? key : `${key}PerMillion`] = Math.round(value * per * 1e6) / 1e6;
  }
  return {
    ...modelSummary(model),
    description: capText(model.description ?? null, DESCRIPTION_CHARS),
    canonicalSlug: model.canonical_slug ?? null,
    tokenizer: model.architecture?.tokenizer ?? null,
    supportedParameters: model.supported_parameters ?? [],
    otherPrices,
    isModerated: model.top_provider?.is_moderated ?? null,
    expirationDate: model.expiration_date ?? null,
    knowledgeCutoff: model.knowledge_cutoff ?? null,
  };
}

function createdDate(created: number | undefined): string | null {
  return typeof created === 'number' && created > 0 ? new Date(created * 1000).toISOString().slice(0, 10) : null;
}
