import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { entities, memoryId, memoryText, metadata, scopeInput, scopeOf, tags } from '../inputs';
import { compactMemory, memoryOutput } from '../shapes';

export const updateMemory = defineAiMemoryTool({
  name: 'update_memory',
  toolset: 'memories',
  title: 'Update a memory',
  description:
    'Changes a memory when a fact changed or was wrong: replaces its text, tags, metadata and/or entities ' +
    '(fields you omit stay as they are) and increments its version. The previous version is kept and shown by ' +
    'get_memory with include_history. A new text is re-embedded when an embeddings endpoint is configured. ' +
    'Returns the updated memory; a memory outside the given scope is reported as not found.',
  input: z.object({
    ...scopeInput,
    id: memoryId,
    text: memoryText.optional(),
    tags: tags.optional().describe('New tags, replacing all current ones.'),
    metadata: metadata.optional().describe('New metadata, replacing the current object.'),
    entities: entities.optional().describe('New entity links, replacing the current ones.'),
  }),
  output: memoryOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  handler: async (input, ctx) => {
    if (input.text === undefined && input.tags === undefined && input.metadata === undefined && input.entities === undefined) {
      throw ToolError.invalidInput('nothing to update: pass at least one of text, tags, metadata, entities');
    }
    // A new text needs a new vector; without an embeddings endpoint the old one would be stale, so it goes.
    const embedding =
      input.text === undefined ? undefined : ctx.embeddings ? await ctx.embeddings.embed(input.text, ctx.signal) : null;
    const row = await ctx.store.update(scopeOf(input), input.id, input, embedding);
    if (!row) throw ToolError.notFound(`no memory ${input.id} for this user_id/namespace${input.agent_id ? '/agent_id' : ''}`);
    return compactMemory(row);
  },
});
