import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { entities, memoryText, metadata, scopeInput, scopeOf, tags } from '../inputs';
import { compactMemory, memoryOutput } from '../shapes';

export const addMemory = defineAiMemoryTool({
  name: 'add_memory',
  toolset: 'memories',
  title: 'Add a memory',
  description:
    'Stores one long-term memory (a fact, preference or event worth recalling later) for a user, optionally ' +
    'labelled with an agent and a namespace, with tags, metadata and named entities (people, organizations, ' +
    'projects). Each call adds a new memory (not idempotent): to change a fact, use update_memory on the ' +
    'existing one. When an embeddings endpoint is configured the text is embedded for vector search. Returns ' +
    'the stored memory with its id. Limits: text 8000 characters, 20 tags, 20 entities, 32 metadata keys.',
  input: z.object({
    ...scopeInput,
    text: memoryText,
    tags: tags.default([]).describe('Tags for filtering (at most 20).'),
    metadata: metadata.default({}).describe('Flat key/value metadata (strings, numbers, booleans), e.g. { "source": "chat" }.'),
    entities: entities.default([]).describe('Entities the memory is about; list_entities shows them, list_memories filters by them.'),
  }),
  output: memoryOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  handler: async (input, ctx) => {
    const embedding = ctx.embeddings ? await ctx.embeddings.embed(input.text, ctx.signal) : undefined;
    const row = await ctx.store.add(scopeOf(input), input, embedding);
    return compactMemory(row);
  },
});
