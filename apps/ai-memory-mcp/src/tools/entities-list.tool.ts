import { decodeCursor, encodeCursor, invalidCursor, pageInput, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { entity, scopeInput, scopeOf } from '../inputs';
import { compactEntity, entityOutput } from '../shapes';

export const listEntities = defineAiMemoryTool({
  name: 'list_entities',
  toolset: 'entities',
  title: 'List entities',
  description:
    'Lists the entities (people, organizations, projects, …) that a user\'s memories are linked to, in name ' +
    'order, each with how many memories mention it; filter by type or a name prefix, and narrow to one agent. ' +
    'Use it to see who and what is remembered, then list_memories with entity to read them. Returns a page ' +
    'of { name, type, memoryCount } plus nextCursor; up to 200 per page.',
  input: z.object({
    ...scopeInput,
    type: entity.shape.type.unwrap().optional().describe('Only entities of this type, e.g. person.'),
    name_prefix: z.string().trim().min(1).max(200).optional().describe('Only entities whose name starts with this (case-insensitive).'),
    ...pageInput({ defaultLimit: 50, maxLimit: 200 }),
  }),
  output: pageOutput(entityOutput),
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async (input, ctx) => {
    const after = decodeCursor<{ name?: unknown; id?: unknown }>(input.cursor);
    if (after && (typeof after.name !== 'string' || typeof after.id !== 'string' || !/^\d{1,18}$/.test(after.id))) {
      throw invalidCursor();
    }
    const rows = await ctx.store.listEntities(
      scopeOf(input),
      { type: input.type, prefix: input.name_prefix },
      { after: after as { name: string; id: string } | undefined, limit: input.limit },
    );
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(compactEntity),
      nextCursor: rows.length > input.limit && last ? encodeCursor({ name: last.name, id: last.id }) : undefined,
    };
  },
});
