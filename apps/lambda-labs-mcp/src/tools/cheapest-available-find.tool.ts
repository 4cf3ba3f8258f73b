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
    gpuModel: z.string().min(1).optional().describe('Text the GPU must mention, e.g. H100, A100, GH200 (case-insensitive).'),
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
    const wanted = gpuModel?.toLowerCase();
    const matches = instanceTypes(await ctx.api.get<LambdaInstanceTypes>('/instance-types')).filter(
      (type: InstanceType) =>
        (region ? type.regionsWithCapacity.includes(region) : type.regionsWithCapacity.length > 0) &&
        (minGpus === undefined || (type.gpus ?? 0) >= minGpus) &&
        (wanted === undefined || `${type.name} ${type.gpuDescription ?? ''} ${type.description ?? ''}`.toLowerCase().includes(wanted)) &&
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
