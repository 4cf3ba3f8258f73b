import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { instanceTypeOutput, instanceTypes, type InstanceType, type LambdaInstanceTypes } from '../shapes';

/** How many runner-up types come with the answer, so a model can weigh price against size. */
const ALTERNATIVES = 3;

export const findCheapestAvailable = defineLambdaLabsTool({
  name: 'find_cheapest_available',
  toolset: 'catalog',
  title: 'Find the cheapest instance type available now',
  description:
    'The cheapest Lambda Cloud instance type that can be launched right now and meets the filters (minimum GPUs, ' +
    'GPU model such as "H100" or "A10", region, maximum price per hour), the regions to launch it in, and the next ' +
    `${ALTERNATIVES} cheapest matches. found is false when nothing matches now; loosen a filter or try later.`,
  input: z.object({
    minGpus: z.number().int().min(1).optional().describe('At least this many GPUs.'),
    gpuModel: z.string().min(1).optional().describe('GPU model in whole words, e.g. H100, A100, GH200 or "H100 SXM5" (case-insensitive; A10 does not match A100).'),
    region: z.string().min(1).optional().describe('Region that must have capacity, e.g. us-west-1.'),
    maxHourlyUsd: z.number().positive().optional().describe('Highest acceptable price in USD per hour.'),
  }),
  output: z.object({
    found: z.boolean(),
    instanceType: instanceTypeOutput.optional(),
    launchRegions: z.array(z.string()).describe('Regions to launch the pick in (only `region` when given).'),
    alternatives: z.array(instanceTypeOutput),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ minGpus, gpuModel, region, maxHourlyUsd }, ctx) => {
    const mentionsModel = gpuModel === undefined ? () => true : modelMatcher(gpuModel);
    const matches = instanceTypes(await ctx.api.get<LambdaInstanceTypes>('/instance-types')).filter(
      (type: InstanceType) =>
        (region ? type.regionsWithCapacity.includes(region) : type.regionsWithCapacity.length > 0) &&
        (minGpus === undefined || (type.gpus ?? 0) >= minGpus) &&
        mentionsModel(`${type.name} ${type.gpuDescription ?? ''} ${type.description ?? ''}`) &&
        (maxHourlyUsd === undefined || type.pricePerHourUsd <= maxHourlyUsd),
    );
    const [best, ...rest] = matches;
    if (!best) return { found: false, launchRegions: [], alternatives: [] };
    return {
      found: true,
      instanceType: best,
      launchRegions: region ? [region] : best.regionsWithCapacity,
      alternatives: rest.slice(0, ALTERNATIVES),
    };
  },
});

/**
 * Whether a type's text names the model: every word of it, as a whole word, so "A10" does not
 * match A100 and "H100 SXM5" needs both; a word ending in a digit may not run on into more digits.
 */
function modelMatcher(model: string): (text: string) => boolean {
  const words = model.toLowerCase().split(/[\s_]+/).filter(Boolean);
  const patterns = words.map((word) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![a-z0-9])${escaped}${/\d$/.test(word) ? '(?!\\d)' : ''}`);
  });
  return (text) => patterns.every((pattern) => pattern.test(text.toLowerCase()));
}
