import { listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { instanceTypeOutput, instanceTypes, type LambdaInstanceTypes } from '../shapes';

export const listInstanceTypes = defineLambdaLabsTool({
  name: 'list_instance_types',
  toolset: 'catalog',
  title: 'List instance types with prices and capacity',
  description:
    'Lambda Cloud instance types, cheapest first: price in USD per hour, GPUs, vCPUs, memory, storage and the regions ' +
    'that can launch each type right now. onlyAvailable hides types sold out everywhere (or in `region`). ' +
    'To pick one type for a need, find_cheapest_available is shorter.',
  input: z.object({
    onlyAvailable: z.boolean().default(false).describe('Only types with capacity now (in `region` when given).'),
    region: z.string().min(1).optional().describe('Region name, e.g. us-east-1: with onlyAvailable, capacity must be there.'),
    ...pageInput({ defaultLimit: 30 }),
  }),
  output: listPageOutput(instanceTypeOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ onlyAvailable, region, cursor, limit }, ctx) => {
    const types = instanceTypes(await ctx.api.get<LambdaInstanceTypes>('/instance-types'));
    const available = (type: (typeof types)[number]) =>
      region ? type.regionsWithCapacity.includes(region) : type.regionsWithCapacity.length > 0;
    return pageOfList(onlyAvailable ? types.filter(available) : types, cursor, limit);
  },
});
