import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { scopeInput, scopeOf } from '../inputs';

const scopeWords = (input: { agent_id?: string }) => `user_id/namespace${input.agent_id ? '/agent_id' : ''}`;

export const deleteAllMemories = defineAiMemoryTool({
  name: 'delete_all_memories',
  toolset: 'memories',
  title: 'Delete all memories of a scope',
  description:
    'Permanently deletes every memory of a user in one namespace (or only one agent\'s, with agent_id), with ' +
    'their version history and entity links, e.g. when the user asks to forget everything. Two steps: call ' +
    'without confirm_count to learn how many memories are in scope (nothing is deleted), then again with ' +
    'confirm_count equal to that number. A count that no longer matches deletes nothing and says the current ' +
    'one. Cannot be undone. Returns { inScope, deleted } and, before confirmation, what to send.',
  input: z.object({
    ...scopeInput,
    confirm_count: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('How many memories you expect to delete: the inScope of a first call without it. Nothing is deleted unless it matches.'),
  }),
  output: z.object({
    inScope: z.number().int().describe('Memories in the scope when the call ran.'),
    deleted: z.number().int().describe('Memories deleted: 0 until confirm_count matches inScope.'),
    next: z.string().optional().describe('Before confirmation: the call that deletes them.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  handler: async (input, ctx) => {
    const { inScope, deleted } = await ctx.store.deleteAll(scopeOf(input), input.confirm_count);
    if (input.confirm_count === undefined) {
      return { inScope, deleted, next: `nothing deleted yet: call again with confirm_count: ${inScope} to delete these ${inScope} memories` };
    }
    if (input.confirm_count !== inScope) {
      throw new ToolError(
        'conflict',
        `confirm_count ${input.confirm_count} does not match the ${inScope} memories in this ${scopeWords(input)}; nothing was deleted. ` +
          `Check the scope, then call again with confirm_count: ${inScope}.`,
      );
    }
    return { inScope, deleted };
  },
});
