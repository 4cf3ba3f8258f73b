import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { memoryId, scopeInput, scopeOf } from '../inputs';

export const deleteMemory = defineAiMemoryTool({
  name: 'delete_memory',
  toolset: 'memories',
  title: 'Delete a memory',
  description:
    'Permanently deletes one memory together with its version history and entity links, e.g. when the user ' +
    'asks to forget something. Cannot be undone; to correct a fact prefer update_memory, which keeps history. ' +
    'Returns { id, deleted: true }; a memory outside the given scope is reported as not found.',
  input: z.object({ ...scopeInput, id: memoryId }),
  output: z.object({ id: z.string(), deleted: z.literal(true) }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  handler: async (input, ctx) => {
    const deleted = await ctx.store.delete(scopeOf(input), input.id);
    if (!deleted) throw ToolError.notFound(`no memory ${input.id} for this user_id/namespace${input.agent_id ? '/agent_id' : ''}`);
    return { id: input.id, deleted: true };
  },
});
