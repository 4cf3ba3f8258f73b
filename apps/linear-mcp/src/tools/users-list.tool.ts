import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';

const LIST_USERS = `
query ListUsers($first: Int!, $after: String, $filter: UserFilter, $includeDisabled: Boolean) {
  users(first: $first, after: $after, filter: $filter, includeDisabled: $includeDisabled) {
    nodes { id name displayName email active admin guest isMe }
    ${PAGE_INFO}
  }
}`;

interface UserNode {
  id: string;
  name: string;
  displayName: string;
  email: string;
  active: boolean;
  admin: boolean;
  guest: boolean;
  isMe: boolean;
}

const userOutput = z.object({
  id: z.string().describe('The assigneeId for save_issue.'),
  name: z.string().describe('Full name.'),
  displayName: z.string().describe('The short name shown in Linear (the @mention).'),
  email: z.string(),
  active: z.boolean().describe('False for a deactivated user.'),
  admin: z.boolean(),
  guest: z.boolean(),
  isMe: z.boolean().describe("The key's owner."),
});

export const listUsers = defineLinearTool({
  name: 'list_users',
  toolset: 'users',
  title: 'List users',
  description:
    'Lists the users of the workspace: id, name, display name, email, whether active, admin, guest, and ' +
    'whether it is the key\'s owner. Use it to turn a person\'s name or email into the assigneeId save_issue ' +
    'takes: query matches name, display name or email (case-insensitive, part of it is enough). Deactivated ' +
    'users only with includeDisabled. Returns { items, nextCursor }; up to 100 per page.',
  input: z.object({
    query: z.string().trim().min(1).max(200).optional().describe('Text in the name, display name or email, e.g. "ada" or "ada@acme.com".'),
    includeDisabled: z.boolean().default(false).describe('Include deactivated users (default false).'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(userOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const contains = input.query ? { containsIgnoreCase: input.query } : undefined;
    const { users } = await ctx.linear.query<{ users: { nodes: UserNode[]; pageInfo: PageInfo } }>(LIST_USERS, {
      first: input.limit,
      after: tokenCursor.read(input.cursor),
      filter: contains ? { or: [{ name: contains }, { displayName: contains }, { email: contains }] } : undefined,
      includeDisabled: input.includeDisabled,
    });
    return {
      items: users.nodes.map(({ id, name, displayName, email, active, admin, guest, isMe }) => ({
        id, name, displayName, email, active, admin, guest, isMe,
      })),
      nextCursor: relayNextCursor(users.pageInfo),
    };
  },
});
