import { z } from 'zod';
import { channelOutput, compactChannel, type ChannelLike } from '../channels';
import { defineSlackTool } from '../context';
import { nextCursor } from '../inputs';
import { SCAN_MAX_PAGES, SCAN_PAGE_SIZE, rankNames, scanByName, scanNote, scanOutput } from '../name-search';

export const findChannel = defineSlackTool({
  name: 'find_channel',
  toolset: 'channels',
  title: 'Find a channel by name',
  description:
    'Finds Slack channels by name ("#ops" or "ops", case-insensitive; exact matches first, then names that start ' +
    'with or contain the query), public and private ones the token can see. Use it to turn a channel named in a ' +
    'request into the channel id read_channel, post_message and the other tools take. Returns matches (id, name, ' +
    'kind, isPrivate, isArchived, isMember, memberCount, topic, purpose), scanned and complete. It pages through ' +
    `the channel list up to ${SCAN_MAX_PAGES * SCAN_PAGE_SIZE} channels; a note says when that bound was reached.`,
  input: z.object({
    name: z.string().trim().min(1).max(100).describe('Channel name, with or without "#".'),
    includeArchived: z.boolean().default(false).describe('Also match archived channels (default false).'),
    limit: z.number().int().min(1).max(20).default(5).describe('Most matches to return (1-20, default 5).'),
  }),
  output: scanOutput(channelOutput, 'channels'),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client } = ctx.slack();
    const result = await scanByName<ChannelLike>(
      async (cursor) => {
        const page = await client.conversations.list({
          types: 'public_channel,private_channel',
          exclude_archived: !input.includeArchived,
          limit: SCAN_PAGE_SIZE,
          cursor,
        });
        return { items: page.channels ?? [], nextCursor: nextCursor(page) };
      },
      (channel) => rankNames(input.name, [channel.name]),
      input.limit,
    );
    return {
      ...result,
      matches: result.matches.map((channel) => compactChannel(channel, new Map(), false)),
      ...scanNote(result, 'channels'),
    };
  },
});
