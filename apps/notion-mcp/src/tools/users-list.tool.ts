import type { UserObjectResponse } from '@notionhq/client';
import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineNotionTool } from '../context';

const userOutput = z.object({
  id: z.string().describe('The id people properties take, e.g. { "people": [{ "id": "…" }] }.'),
  type: z.string().describe('person or bot.'),
  name: z.string().nullable(),
  email: z.string().nullable().describe('Only with the "read user information including email addresses" capability.'),
});

function compactUser(user: UserObjectResponse): z.infer<typeof userOutput> {
  return {
    id: user.id,
    type: user.type,
    name: user.name,
    email: user.type === 'person' ? (user.person.email ?? null) : null,
  };
}

export const listUsers = defineNotionTool({
  name: 'list_users',
  toolset: 'users',
  title: 'List users',
  description:
    'Lists the members and bots of the workspace (not guests): id, type (person or bot), name and email. Use ' +
    'it to turn a person\'s name into the id a people property takes (create_page / update_page) or to name ' +
    'the authors list_comments shows by id. Emails need the integration\'s "read user information including ' +
    'email addresses" capability (null without it). Returns { items, nextCursor }; up to 100 per page.',
  input: z.object({ ...pageInput({ defaultLimit: 50 }) }),
  output: pageOutput(userOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const response = await ctx.notion.users.list({ start_cursor: tokenCursor.read(input.cursor), page_size: input.limit });
    return {
      items: response.results.map(compactUser),
      nextCursor: tokenCursor.next(response.has_more ? response.next_cursor : undefined),
    };
  },
});
