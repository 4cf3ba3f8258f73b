import { WebAPIPlatformError } from '@slack/web-api';
import { z } from 'zod';
import { defineSlackTool } from '../context';
import { nextCursor } from '../inputs';
import { SCAN_MAX_PAGES, SCAN_PAGE_SIZE, rankNames, scanByName, scanNote, scanOutput } from '../name-search';
import { compactUser, userOutput, type UserLike } from '../shapes';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const findUser = defineSlackTool({
  name: 'find_user',
  toolset: 'users',
  title: 'Find a user by name or email',
  description:
    'Finds Slack users by name: their handle, display name or full name (case-insensitive, "@" optional; exact ' +
    'matches first, then names that start with or contain the query), or by email address (one exact lookup, ' +
    'needs the users:read.email scope). Use it to turn a person named in a request into a user id for get_user, ' +
    'mentions (<@id>) or from: searches. Returns matches (id, handle, name, realName, title, email, timezone, ' +
    `status, isBot, isAdmin, isGuest, deleted), scanned and complete. Name searches page through the directory ` +
    `up to ${SCAN_MAX_PAGES * SCAN_PAGE_SIZE} people; a note says when that bound was reached.`,
  input: z.object({
    query: z.string().trim().min(1).max(200).describe('A name, display name, handle ("@egon" or "egon") or email address.'),
    includeBots: z.boolean().default(false).describe('Also match bots and apps (default false).'),
    includeDeleted: z.boolean().default(false).describe('Also match deactivated users (default false).'),
    limit: z.number().int().min(1).max(20).default(5).describe('Most matches to return (1-20, default 5).'),
  }),
  output: scanOutput(userOutput, 'users'),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client } = ctx.slack();
    if (EMAIL.test(input.query)) {
      const user = await client.users.lookupByEmail({ email: input.query }).then(
        (result) => result.user,
        (error: unknown) => {
          // No one has that address: an empty answer, not a failure.
          if (error instanceof WebAPIPlatformError && error.data.error === 'users_not_found') return undefined;
          throw error;
        },
      );
      return { matches: user ? [compactUser(user)] : [], scanned: user ? 1 : 0, complete: true };
    }
    // Slackbot is a bot in all but its flag.
    const isBot = (user: UserLike) => user.is_bot === true || user.id === 'USLACKBOT';
    const result = await scanByName<UserLike>(
      async (cursor) => {
        const page = await client.users.list({ limit: SCAN_PAGE_SIZE, cursor });
        return { items: page.members ?? [], nextCursor: nextCursor(page) };
      },
      (user) =>
        (input.includeBots || !isBot(user)) && (input.includeDeleted || !user.deleted)
          ? rankNames(input.query, [user.name, user.profile?.display_name, user.profile?.real_name, user.real_name])
          : undefined,
      input.limit,
    );
    return { ...result, matches: result.matches.map(compactUser), ...scanNote(result, 'users') };
  },
});
