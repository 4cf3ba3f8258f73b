import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';
import { blendedPrice, meetsConstraints, modelConstraintsInput, textScore, type ModelConstraints } from '../model-filters';
import { NOTABLE_PARAMETERS, catalogInfoSchema, pricePerMillionSchema, pricesOf } from '../model-shapes';
import type { RawModel } from '../openrouter-types';
import { PRIORITIES, costPerRequest, rankCandidates, type Usage } from '../recommend';

export const recommendModels = defineOpenrouterSearchTool({
  name: 'recommend_models',
  toolset: 'models',
  title: 'Recommend OpenRouter models for constraints and a budget',
  description:
    'Ranks the catalogue models that meet stated constraints (task words, provider, modalities, minimum context, ' +
    'required parameters such as tools or structured_outputs, price ceilings) and a budget per request for a stated ' +
    'request size, by priority: balanced (default), cheapest, largest_context or newest. Each recommendation has its ' +
    'estimated cost per request and a one-line trade-off against the other candidates. Models with variable prices ' +
    '(routers) are left out; without outputModalities only models producing text are considered. When nothing ' +
    'qualifies it says which constraint to relax.',
  input: z.object({
    task: z.string().optional().describe('Words the model should match, e.g. "coding" or "vision" (optional).'),
    ...modelConstraintsInput,
    maxCostPerRequestUsd: z.number().positive().optional().describe('Budget for one request of the size below, in USD.'),
    expectedPromptTokens: z.number().int().nonnegative().default(2000).describe('Typical input tokens per request (default 2000).'),
    expectedCompletionTokens: z.number().int().nonnegative().default(500).describe('Typical output tokens per request (default 500).'),
    priority: z.enum(PRIORITIES).default('balanced').describe('balanced | cheapest | largest_context | newest.'),
    limit: z.number().int().min(1).max(10).default(5).describe('Recommendations to return (1-10, default 5).'),
  }),
  output: z.object({
    catalog: catalogInfoSchema,
    candidates: z.number().describe('Models meeting every constraint, before ranking.'),
    recommendations: z.array(
      z.object({
        rank: z.number(),
        id: z.string(),
        name: z.string(),
        score: z.number().describe('0-1: weighted standing among the candidates.'),
        estimatedCostPerRequestUsd: z.number(),
        pricePerMillion: pricePerMillionSchema,
        contextLength: z.number().nullable(),
        supports: z.array(z.string()),
        tradeOff: z.string(),
      }),
    ),
    advice: z.string().optional().describe('Which constraint to relax when nothing qualifies.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ task, maxCostPerRequestUsd, expectedPromptTokens, expectedCompletionTokens, priority, limit, ...given }, ctx) => {
    // A recommendation is for chat-style work unless another output is asked for (no embedding models by surprise).
    const constraints = { ...given, outputModalities: given.outputModalities ?? ['text'] };
    const { models, info } = await ctx.catalog.snapshot();
    const usage: Usage = { promptTokens: expectedPromptTokens, completionTokens: expectedCompletionTokens };
    const qualifies = (model: RawModel, skip?: string) => eligible(model, without(constraints, skip), skip === 'task' ? undefined : task, skip === 'maxCostPerRequestUsd' ? undefined : maxCostPerRequestUsd, usage);
    const candidates = models
      .filter((model) => qualifies(model))
      .map((model) => ({ model, relevance: textScore(model, task), features: NOTABLE_PARAMETERS.filter((p) => model.supported_parameters?.includes(p)).length }));
    const ranked = rankCandidates(candidates, priority, usage).slice(0, limit);
    return {
      catalog: info,
      candidates: candidates.length,
      recommendations: ranked.map((entry, index) => ({
        rank: index + 1,
        id: entry.model.id,
        name: entry.model.name ?? entry.model.id,
        score: entry.score,
        estimatedCostPerRequestUsd: Number(entry.costPerRequest.toPrecision(3)),
        pricePerMillion: pricesOf(entry.model.pricing),
        contextLength: entry.model.context_length ?? null,
        supports: NOTABLE_PARAMETERS.filter((p) => entry.model.supported_parameters?.includes(p)),
        tradeOff: entry.tradeOff,
      })),
      ...(candidates.length === 0 ? { advice: relaxAdvice(models, { ...given, task, maxCostPerRequestUsd }, qualifies) } : {}),
    };
  },
});

function eligible(model: RawModel, constraints: ModelConstraints, task: string | undefined, budget: number | undefined, usage: Usage): boolean {
  if (blendedPrice(model) === null) return false;
  if (textScore(model, task) === 0 || !meetsConstraints(model, constraints)) return false;
  return budget === undefined || (costPerRequest(model, usage) ?? Infinity) <= budget;
}

function without(constraints: ModelConstraints, key: string | undefined): ModelConstraints {
  if (!key) return constraints;
  const rest: Record<string, unknown> = { ...constraints };
  delete rest[key];
  return rest as ModelConstraints;
}

/** Names the given constraints whose removal alone would let models through, most freeing first. */
function relaxAdvice(models: RawModel[], given: Record<string, unknown>, qualifies: (model: RawModel, skip?: string) => boolean): string {
  const freed = Object.entries(given)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => ({ key, count: models.filter((model) => qualifies(model, key)).length }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count);
  if (!freed.length) return 'No model meets these constraints, and relaxing any single one is not enough: drop several, or try search_models.';
  return `No model meets every constraint. Relaxing ${freed.map(({ key, count }) => `${key} alone would allow ${count}`).join('; ')}.`;
}
