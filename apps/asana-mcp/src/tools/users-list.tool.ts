import { pageInput, pageOutput, tokenCursor, ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { workspaceOrTeam, workspaceOrTeamQuery } from '../inputs';
import { type Named } from '../shapes';

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
    'With query (and workspaceGid), Asana\'s typeahead finds people by name or email instead: best matches ' +
    'first, one page of at most limit, no nextCursor. Returns a page of users (gid, name, email when the token ' +
    'may see it) plus nextCursor; up to 100 per page.',
  input: workspaceOrTeam.extend({
    query: z.string().trim().min(1).max(100).optional().describe('Part of a name or email to look for (needs workspaceGid).'),
    ...pageInput(),
  }),
  output: pageOutput(z.object({ gid: z.string(), name: z.string(), email: z.string().nullable() })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const compact = (user: User) => ({ gid: user.gid, name: user.name ?? '', email: user.email ?? null });
    if (input.query !== undefined) {
      if (!input.workspaceGid || input.teamGid) throw ToolError.invalidInput('query searches a workspace: give workspaceGid, not teamGid');
      // Typeahead answers one page only (no offset); it is Asana's documented way to find people by name.
      const found = await ctx.api.list<User>(`workspaces/${encodeURIComponent(input.workspaceGid)}/typeahead`, {
        query: { resource_type: 'user', query: input.query, count: input.limit, opt_fields: 'name,email' },
        signal: ctx.signal,
      });
      return { items: found.items.map(compact) };
    }
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
      items: page.items.map(compact),
      nextCursor: tokenCursor.next(page.nextOffset),
    };
  },
});
