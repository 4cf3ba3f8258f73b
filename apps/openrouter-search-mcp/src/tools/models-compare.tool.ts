import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';
import { blendedPrice } from '../model-filters';
import { similarIds } from '../model-lookup';
import { catalogInfoSchema, modelSummary, modelSummarySchema } from '../model-shapes';
import type { RawModel } from '../openrouter-types';

export const compareModels = defineOpenrouterSearchTool({
  name: 'compare_models',
  toolset: 'models',
  title: 'Compare OpenRouter models side by side',
  description:
    'Puts 2-8 models from the cached catalogue side by side (prices per million tokens, context, output limit, ' +
    'modalities, notable parameters, date added) and names the cheapest, the largest context, the newest and the ' +
    'parameters only some of them support. Every id must exist (unknown ids are answered with similar ones).',
  input: z.object({
    ids: z.array(z.string().min(1)).min(2).max(8).describe('2-8 model ids, author/slug.'),
  }),
  output: z.object({
    catalog: catalogInfoSchema,
    models: z.array(modelSummarySchema),
    cheapest: z.string().nullable().describe('Lowest blended price (3:1 input:output).'),
    largestContext: z.string().nullable(),
    newest: z.string().nullable(),
    notSupportedByAll: z.record(z.string(), z.array(z.string())).describe('Notable parameter → the compared models that support it, when not all do.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ ids }, ctx) => {
    const { byId, models: all, info } = await ctx.catalog.snapshot();
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !byId.has(id));
    if (missing.length) {
      throw ToolError.notFound(`Unknown model ids: ${missing.map((id) => `"${id}" (${similarIds(id, all)})`).join('; ')}`);
    }
    const models = unique.flatMap((id) => byId.get(id) ?? []);
    const summaries = models.map(modelSummary);
    const notSupportedByAll: Record<string, string[]> = {};
    for (const parameter of new Set(summaries.flatMap((summary) => summary.supports))) {
      const having = summaries.filter((summary) => summary.supports.includes(parameter)).map((summary) => summary.id);
      if (having.length < summaries.length) notSupportedByAll[parameter] = having;
    }
    return {
      catalog: info,
      models: summaries,
      cheapest: best(models, (model) => blendedPrice(model), 'min'),
      largestContext: best(models, (model) => model.context_length ?? null, 'max'),
      newest: best(models, (model) => model.created ?? null, 'max'),
      notSupportedByAll,
    };
  },
});

function best(models: RawModel[], value: (model: RawModel) => number | null, want: 'min' | 'max'): string | null {
  let winner: { id: string; value: number } | undefined;
  for (const model of models) {
    const v = value(model);
    if (v === null) continue;
    if (!winner || (want === 'min' ? v < winner.value : v > winner.value)) winner = { id: model.id, value: v };
  }
  return winner?.id ?? null;
}
