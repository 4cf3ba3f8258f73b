import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { instance, instanceOutput, type LambdaInstance } from '../shapes';
import { instanceId } from './instance-id';

export const getInstance = defineLambdaLabsTool({
  name: 'get_instance',
  toolset: 'instances',
  title: 'Get an instance',
  description: 'One Lambda Cloud instance by id (from list_instances): status, IPs, region, type, price per hour, SSH keys, file systems.',
  input: z.object({ instanceId }),
  output: instanceOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ instanceId: id }, ctx) => instance(await ctx.api.get<LambdaInstance>(`/instances/${encodeURIComponent(id)}`)),
});
