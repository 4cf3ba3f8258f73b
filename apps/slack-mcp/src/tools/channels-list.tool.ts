import { z } from 'zod';
import { defineSlackTool } from '../context';
import { nextCursor, pageInput } from '../inputs';

/** The fields we read of conversations.list and users.conversations entries. */
interface ChannelLike {
  id?: string;
  name?: string;
  is_private?: boolean;
  is_archived?: boolean;
  is_member?: boolean;
  num_members?: number;
  topic?: { value?: string };
  purpose?: { value?: string };
}

const CHANNEL_TYPES = { public: 'public_channel', private: 'private_channel' } as const;

export const listChannels = defineSlackTool({
  name: 'list_channels',
  toolset: 'channels',
  title: 'List channels',
  description:
    'Lists Slack channels: public, private or both, optionally only those the token’s user or bot is a member ' +
    'of (memberOnly, the channels read_channel can read with a bot token). Use it to find a channel id. Returns a ' +
    'page of channels (id, name, isPrivate, isArchived, isMember, memberCount, topic, purpose) plus nextCursor; up ' +
    'to 200 per page. Slack may return fewer than the limit while nextCursor is still set. Private channels need ' +
    'the groups:read scope and show only those the token can see.',
  input: z.object({
    types: z
      .array(z.enum(['public', 'private']))
      .min(1)
      .default(['public', 'private'])
      .describe('Channel kinds to list (default both).'),
    memberOnly: z.boolean().default(false).describe('Only channels the token’s user or bot is a member of (default false).'),
    includeArchived: z.boolean().default(false).describe('Include archived channels (default false).'),
    ...pageInput(100, 200),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client } = ctx.slack();
    const query = {
      types: [...new Set(input.types)].map((type) => CHANNEL_TYPES[type]).join(','),
      exclude_archived: !input.includeArchived,
      limit: input.limit,
      cursor: input.cursor,
    };
    // users.conversations is conversations.list narrowed to the caller's memberships.
    const result = input.memberOnly ? await client.users.conversations(query) : await client.conversations.list(query);
    const channels: ChannelLike[] = result.channels ?? [];
    return {
      channels: channels.map((channel) => ({
        id: channel.id,
        name: channel.name ?? null,
        isPrivate: channel.is_private ?? false,
        isArchived: channel.is_archived ?? false,
        // users.conversations lists memberships only, so it leaves is_member out.
        isMember: input.memberOnly || (channel.is_member ?? false),
        memberCount: channel.num_members ?? null,
        topic: channel.topic?.value || null,
        purpose: channel.purpose?.value || null,
      })),
      nextCursor: nextCursor(result),
    };
  },
});
