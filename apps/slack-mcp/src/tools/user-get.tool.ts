import { z } from 'zod';
import { defineSlackTool } from '../context';
import { userId } from '../inputs';
import { compactUser, userOutput } from '../shapes';

export const getUser = defineSlackTool({
  name: 'get_user',
  toolset: 'users',
  title: 'Get a user',
  description:
    'Returns one Slack user by id (the user field of messages) or by email address (email lookup needs the ' +
    'users:read.email scope). Returns id, handle, name (display name), realName, title, email (when the token ' +
    'may see it), timezone, status, isBot, isAdmin, isGuest, deleted.',
  input: z
    .object({
      user: userId.optional().describe('User id, e.g. "U024BE7LH". Give this or email.'),
      email: z.email().max(254).optional().describe('Email address of the user. Give this or user.'),
    })
    .refine((input) => (input.user === undefined) !== (input.email === undefined), {
      message: 'give exactly one of user or email',
    }),
  output: userOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client } = ctx.slack();
    const { user } = input.user
      ? await client.users.info({ user: input.user })
      : await client.users.lookupByEmail({ email: input.email ?? '' });
    return compactUser(user ?? {});
  },
});
