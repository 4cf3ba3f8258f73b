import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { instanceId } from './instance-id';
import { instanceOperation, instancesOutput } from './instance-operation';

export const restartInstance = defineLambdaLabsTool({
  name: 'restart_instance',
  toolset: 'instances',
  title: 'Restart an instance',
  description: 'Reboots one Lambda Cloud instance: running work and anything not on disk is lost. Sent once, never retried.',
  input: z.object({ instanceId }),
  output: instancesOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: ({ instanceId: id }, ctx) => instanceOperation(ctx, 'restart', id),
});
