import { z } from 'zod';
import type { LambdaLabsContext } from '../context';
import { instance, instanceOutput, type LambdaInstance } from '../shapes';

/** The output of restart_instance and terminate_instance: the instances Lambda says it acted on. */
export const instancesOutput = z.object({ instances: z.array(instanceOutput) });

const ANSWER_FIELD = { restart: 'restarted_instances', terminate: 'terminated_instances' } as const;

/**
 * POST /instance-operations/{restart|terminate} for one instance; Lambda answers
 * `{ data: { restarted_instances | terminated_instances: [...] } }`. Sent once, never retried.
 */
export async function instanceOperation(ctx: LambdaLabsContext, operation: keyof typeof ANSWER_FIELD, id: string) {
  const data = await ctx.api.operation<Record<string, LambdaInstance[] | undefined>>(`/instance-operations/${operation}`, { instance_ids: [id] });
  return { instances: (data[ANSWER_FIELD[operation]] ?? []).map(instance) };
}
