import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';
import { similarIds } from '../model-lookup';
import { catalogInfoSchema, modelDetail, modelDetailSchema } from '../model-shapes';

export const getModel = defineOpenrouterSearchTool({
  name: 'get_model',
  toolset: 'models',
  title: 'Get an OpenRouter model',
  description:
    'One model from the cached OpenRouter catalogue by id (e.g. "anthropic/claude-sonnet-4"): prices per million tokens ' +
    'and other prices, context and output limits, modalities, every supported parameter, description (capped). ' +
    'An unknown id is answered with similar ids. For per-provider prices, uptime and speed use list_model_endpoints.',
  input: z.object({ id: z.string().min(1).describe('Model id, author/slug, as search_models returns it.') }),
  output: z.object({ catalog: catalogInfoSchema, model: modelDetailSchema }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ id }, ctx) => {
    const { byId, models, info } = await ctx.catalog.snapshot();
    const model = byId.get(id);
    if (!model) throw ToolError.notFound(`No OpenRouter model has the id "${id}". ${similarIds(id, models)}`);
    return { catalog: info, model: modelDetail(model) };
  },
});
