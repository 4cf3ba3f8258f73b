import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { gid } from '../inputs';
import { type Named } from '../shapes';

export const listSections = defineAsanaTool({
  name: 'list_sections',
  toolset: 'projects',
  title: 'List the sections of a project',
  description:
    'Lists the sections of one Asana project (the columns of a board, the headers of a list) in the project\'s ' +
    'order. Use it to find the section gid move_task_to_section needs. Returns a page of { gid, name } plus ' +
    'nextCursor; up to 100 per page.',
  input: z.object({ projectGid: gid('project'), ...pageInput() }),
  output: pageOutput(z.object({ gid: z.string(), name: z.string() })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.list<Named>(`projects/${encodeURIComponent(input.projectGid)}/sections`, {
      query: { limit: input.limit, offset: tokenCursor.read(input.cursor), opt_fields: 'name' },
      signal: ctx.signal,
    });
    return {
      items: page.items.map((section) => ({ gid: section.gid, name: section.name ?? '' })),
      nextCursor: tokenCursor.next(page.nextOffset),
    };
  },
});
