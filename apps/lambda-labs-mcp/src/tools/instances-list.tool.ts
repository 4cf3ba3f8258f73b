import { listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { instance, instanceOutput, type LambdaInstance } from '../shapes';

export const listInstances = defineLambdaLabsTool({
  name: 'list_instances',
  toolset: 'instances',
  title: 'List instances',
  description:
    "The account's Lambda Cloud instances that are not terminated: id, name, status, IPs, region, type, price per hour, " +
    'SSH keys and file systems. Jupyter tokens are never returned.',
  input: z.object({
    status: z.string().min(1).optional().describe('Only this status: booting, active, unhealthy or terminating.'),
    region: z.string().min(1).optional().describe('Only this region, e.g. us-east-1.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: listPageOutput(instanceOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ status, region, cursor, limit }, ctx) => {
    const instances = (await ctx.api.list<LambdaInstance>('/instances'))
      .map(instance)
      .filter((item) => (!status || item.status === status) && (!region || item.region === region));
    return pageOfList(instances, cursor, limit);
  },
});
