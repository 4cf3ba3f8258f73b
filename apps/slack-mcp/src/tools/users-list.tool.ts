import { z } from 'zod';
import { defineSlackTool } from '../context';
import { nextCursor, pageInput } from '../inputs';
import { compactUser, userOutput } from '../shapes';

export const listUsers = defineSlackTool({
  name: 'list_users',
  toolset: 'users',
  title: 'List users',
  description:
    'Lists the workspace’s people, skipping bots and deactivated accounts unless asked. Use it to find ' +
    'someone’s user id (for from:@ searches or mentions as <@id>) or to see who is in the workspace. Returns a ' +
    'page of users (id, handle, name, realName, title, email when visible, timezone, status, isBot, isAdmin, ' +
    'isGuest, deleted) plus nextCursor; up to 200 per page. Skipped users still count toward the limit, so a ' +
    'page can hold fewer while nextCursor is set.',
  input: z.object({
    includeBots: z.boolean().default(false).describe('Include bots and apps (default false).'),
    includeDeleted: z.boolean().default(false).describe('Include deactivated users (default false).'),
    ...pageInput(100, 200),
  }),
  output: z.object({ users: z.array(userOutput), nextCursor: z.string().optional() }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client } = ctx.slack();
    const result = await client.users.list({ limit: input.limit, cursor: input.cursor });
    // Slackbot is a bot in all but its flag.
    const isBot = (user: { is_bot?: boolean; id?: string }) => user.is_bot === true || user.id === 'USLACKBOT';
    return {
      users: (result.members ?? [])
        .filter((user) => (input.includeBots || !isBot(user)) && (input.includeDeleted || !user.deleted))
        .map(compactUser),
      nextCursor: nextCursor(result),
    };
  },
});
