import { decodeCursor, encodeCursor, invalidCursor, pageInput, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { metadata, scopeInput, scopeOf, tags } from '../inputs';
import { LIST_TEXT_CHARS, compactMemory, memoryOutput } from '../shapes';

export const listMemories = defineAiMemoryTool({
  name: 'list_memories',
  toolset: 'memories',
  title: 'List memories',
  description:
    'Lists a user\'s memories newest first, optionally narrowed to one agent and filtered by tags (all must ' +
    'match), an entity name or metadata values. Use it to browse or audit what is stored; to find memories ' +
    `about something use search_memories. Returns a page of memories (text capped at ${LIST_TEXT_CHARS} ` +
    'characters with a marker; get_memory has the whole text) plus nextCursor; up to 100 per page.',
  input: z.object({
    ...scopeInput,
    tags: tags.optional().describe('Only memories carrying all of these tags.'),
    entity: z.string().trim().min(1).max(200).optional().describe('Only memories linked to an entity of this name (case-insensitive).'),
    metadata: metadata.optional().describe('Only memories whose metadata contains all of these key/value pairs.'),
    ...pageInput({ defaultLimit: 20, maxLimit: 100 }),
  }),
  output: pageOutput(memoryOutput),
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async (input, ctx) => {
    const afterSeq = decodeCursor<{ seq?: unknown }>(input.cursor)?.seq;
    if (afterSeq !== undefined && (typeof afterSeq !== 'string' || !/^\d{1,18}$/.test(afterSeq))) {
      throw invalidCursor();
    }
    const rows = await ctx.store.list(scopeOf(input), input, { afterSeq, limit: input.limit });
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => compactMemory(row, LIST_TEXT_CHARS)),
      nextCursor: rows.length > input.limit && last ? encodeCursor({ seq: last.seq }) : undefined,
    };
  },
});
