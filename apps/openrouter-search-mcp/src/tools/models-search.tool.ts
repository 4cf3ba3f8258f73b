import { pageInput, pageNumberCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';
import { blendedPrice, meetsConstraints, modelConstraintsInput, textScore } from '../model-filters';
import { catalogInfoSchema, modelSummary, modelSummarySchema } from '../model-shapes';
import type { RawModel } from '../openrouter-types';

const SORTS = ['relevance', 'price', 'context', 'newest'] as const;

export const searchModels = defineOpenrouterSearchTool({
  name: 'search_models',
  toolset: 'models',
  title: 'Search OpenRouter models',
  description:
    'Finds models in the OpenRouter catalogue by free text over id, name and description (every word must match) and ' +
    'filters: provider, input/output modalities, minimum context, maximum prompt/completion price per million tokens, ' +
    'required supported parameters (tools, structured_outputs, reasoning, …). Sort by relevance (default with a query), ' +
    'price (cheapest first), context (largest first) or newest (default without a query). Returns compact summaries, ' +
    'paged with cursor/limit, and the age of the cached catalogue. Use get_model for one model in full.',
  input: z.object({
    query: z.string().optional().describe('Free text, e.g. "claude sonnet" or "coding".'),
    ...modelConstraintsInput,
    sort: z.enum(SORTS).optional().describe('relevance | price | context | newest.'),
    ...pageInput({ defaultLimit: 20, maxLimit: 50 }),
  }),
  output: z.object({
    catalog: catalogInfoSchema,
    total: z.number().describe('Models matching the query and filters.'),
    items: z.array(modelSummarySchema),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ query, sort, cursor, limit, ...constraints }, ctx) => {
    const page = pageNumberCursor.read(cursor);
    const { models, info } = await ctx.catalog.snapshot();
    const scored = models
      .map((model) => ({ model, score: textScore(model, query) }))
      .filter(({ model, score }) => score > 0 && meetsConstraints(model, constraints));
    const order = sort ?? (query?.trim() ? 'relevance' : 'newest');
    scored.sort((a, b) => compare(order, a, b) || a.model.id.localeCompare(b.model.id));
    const start = (page - 1) * limit;
    return {
      catalog: info,
      total: scored.length,
      items: scored.slice(start, start + limit).map(({ model }) => modelSummary(model)),
      nextCursor: pageNumberCursor.next(page, start + limit < scored.length),
    };
  },
});

type Scored = { model: RawModel; score: number };

function compare(order: (typeof SORTS)[number], a: Scored, b: Scored): number {
  switch (order) {
    case 'relevance':
      return b.score - a.score;
    case 'price':
      // Unknown (variable) prices go last.
      return (blendedPrice(a.model) ?? Infinity) - (blendedPrice(b.model) ?? Infinity);
    case 'context':
      return (b.model.context_length ?? 0) - (a.model.context_length ?? 0);
    case 'newest':
      return (b.model.created ?? 0) - (a.model.created ?? 0);
  }
}
