import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { instanceId } from './instance-id';
import { instanceOperation, instancesOutput } from './instance-operation';

export const terminateInstance = defineLambdaLabsTool({
  name: 'terminate_instance',
  toolset: 'instances',
  title: 'Terminate an instance (destroys it)',
  description:
    'Terminates one Lambda Cloud instance for good: billing stops and its local disk is erased (attached file systems ' +
    'are kept). Cannot be undone. Sent once, never retried.',
  input: z.object({ instanceId }),
  output: instancesOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  handler: ({ instanceId: id }, ctx) => instanceOperation(ctx, 'terminate', id),
});
