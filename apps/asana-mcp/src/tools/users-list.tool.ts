import { pageInput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { workspaceOrTeam, workspaceOrTeamQuery } from '../inputs';
import { pageOutput, type Named } from '../shapes';

interface User extends Named {
  email?: string | null;
}

export const listUsers = defineAsanaTool({
  name: 'list_users',
  toolset: 'users',
  title: 'List users',
  description:
    'Lists the people of an Asana workspace or of one team (give exactly one of workspaceGid or teamGid). Use it ' +
    'to turn a name into the user gid or email that create_task, update_task and search_tasks take as assignee. ' +
    'Returns a page of users (gid, name, email when the token may see it) plus nextCursor; up to 100 per page.',
  input: workspaceOrTeam.extend({ ...pageInput() }),
  output: pageOutput(z.object({ gid: z.string(), name: z.string(), email: z.string().nullable() })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.list<User>('users', {
      query: {
        ...workspaceOrTeamQuery(input),
        limit: input.limit,
        offset: tokenCursor.read(input.cursor),
        opt_fields: 'name,email',
      },
      signal: ctx.signal,
    });
    return {
      items: page.items.map((user) => ({ gid: user.gid, name: user.name ?? '', email: user.email ?? null })),
      nextCursor: tokenCursor.next(page.nextOffset),
    };
  },
});
