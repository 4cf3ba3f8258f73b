import { z } from 'zod';
import { defineSlackTool } from '../context';
import { nextCursor, pageInput } from '../inputs';
import { channelKind, compactChannel, channelOutput, type ChannelLike } from '../channels';

const CHANNEL_TYPES = { public: 'public_channel', private: 'private_channel', im: 'im', mpim: 'mpim' } as const;

export const listChannels = defineSlackTool({
  name: 'list_channels',
  toolset: 'channels',
  title: 'List channels',
  description:
    'Lists Slack conversations: public and private channels by default, and with types "im" and "mpim" direct ' +
    'messages and group direct messages; optionally only those the token’s user or bot is a member of ' +
    '(memberOnly, the channels read_channel can read with a bot token). Use it to browse; find_channel finds one ' +
    'by name. Returns a page of channels (id, name, kind, isPrivate, isArchived, isMember, memberCount, topic, ' +
    'purpose; a direct message is named "@person" and has user) plus nextCursor; up to 200 per page. Slack may ' +
    'return fewer than the limit while nextCursor is still set. Private channels need the groups:read scope, ' +
    'direct messages im:read and mpim:read, and show only those the token can see.',
  input: z.object({
    types: z
      .array(z.enum(['public', 'private', 'im', 'mpim']))
      .min(1)
      .default(['public', 'private'])
      .describe('Conversation kinds to list: public, private, im (direct messages), mpim (group direct messages); default public and private.'),
    memberOnly: z.boolean().default(false).describe('Only channels the token’s user or bot is a member of (default false).'),
    includeArchived: z.boolean().default(false).describe('Include archived channels (default false).'),
    ...pageInput(100, 200),
  }),
  output: z.object({ channels: z.array(channelOutput), nextCursor: z.string().optional() }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client, names } = ctx.slack();
    const query = {
      types: [...new Set(input.types)].map((type) => CHANNEL_TYPES[type]).join(','),
      exclude_archived: !input.includeArchived,
      limit: input.limit,
      cursor: input.cursor,
    };
    // users.conversations is conversations.list narrowed to the caller's memberships.
    const result = input.memberOnly ? await client.users.conversations(query) : await client.conversations.list(query);
    const channels: ChannelLike[] = result.channels ?? [];
    // A direct message has no name: it is named after the other person, looked up once per id.
    const people = await names.userNames(channels.flatMap((channel) => (channelKind(channel) === 'im' && channel.user ? [channel.user] : [])));
    return {
      channels: channels.map((channel) => compactChannel(channel, people, input.memberOnly)),
      nextCursor: nextCursor(result),
    };
  },
});
