import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { memoryId, scopeInput, scopeOf } from '../inputs';
import { compactHistory, compactMemory, historyOutput, memoryOutput } from '../shapes';

export const getMemory = defineAiMemoryTool({
  name: 'get_memory',
  toolset: 'memories',
  title: 'Get a memory',
  description:
    'Reads one memory by id, with its full text, tags, metadata, entities and version; with include_history ' +
    'also every earlier version (newest first) that update_memory kept. Use it after search_memories or ' +
    'list_memories when the capped text is not enough. A memory outside the given user/namespace/agent scope ' +
    'is reported as not found.',
  input: z.object({
    ...scopeInput,
    id: memoryId,
    include_history: z.boolean().default(false).describe('Also return the earlier versions (default false).'),
  }),
  output: memoryOutput.extend({ history: z.array(historyOutput).optional().describe('Earlier versions, newest first (include_history).') }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async (input, ctx) => {
    const row = await ctx.store.get(scopeOf(input), input.id);
    if (!row) throw ToolError.notFound(`no memory ${input.id} for this user_id/namespace${input.agent_id ? '/agent_id' : ''}`);
    const memory = compactMemory(row);
    if (!input.include_history) return memory;
    return { ...memory, history: (await ctx.store.history(row.id)).map(compactHistory) };
  },
});
