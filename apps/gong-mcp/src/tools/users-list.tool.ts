import { pageInput, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { pageOf, readPageCursor } from '../gong-paging';
import { compactUser, userSchema, type GongUser } from '../shapes';

export const listUsers = defineGongTool({
  name: 'list_users',
  toolset: 'users',
  title: 'List Gong users',
  description:
    "Lists the company's Gong users: id, name, email, title, active, manager id. Use it to turn the user ids in " +
    'calls (host, participants) and activity stats into people, or to find the ids get_activity_stats takes. ' +
    'Up to 100 per page.',
  input: z.object({
    ...pageInput({ defaultLimit: 100 }),
  }),
  output: pageOutput(userSchema),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const state = readPageCursor(input.cursor);
    const page = await ctx.gong.list<GongUser, 'users'>('GET', 'users', 'users', {
      query: { cursor: state?.token },
      scope: 'api:users:read',
      notFound: 'empty',
    });
    const shown = pageOf(page.items, page.records.cursor, state, input.limit);
    return { items: shown.items.map(compactUser), nextCursor: shown.nextCursor };
  },
});
