import { z } from 'zod';
import { defineSlackTool } from '../context';
import { channelId, nextCursor, pageInput, time, toSlackTs } from '../inputs';
import { MESSAGE_MAX_CHARS, channelRef, channelRefOutput, describeMessages, messageOutput } from '../shapes';

export const readChannel = defineSlackTool({
  name: 'read_channel',
  toolset: 'channels',
  title: 'Read a channel',
  description:
    'Reads a channel’s message history, newest first, optionally between oldest and latest. Use it to catch up ' +
    'on a channel or find a message; open a thread with read_thread (messages with replyCount start one). Returns ' +
    'the channel (id, name) and a page of messages (ts, time, user, userName, text with mentions named, threadTs, ' +
    `replyCount, reactions, files) plus nextCursor; up to 200 per page, each text capped at ${MESSAGE_MAX_CHARS} ` +
    'characters. Thread replies are not included. A bot must be a member of the channel.',
  input: z.object({
    channel: channelId,
    oldest: time('Only messages after this time').optional(),
    latest: time('Only messages before this time').optional(),
    inclusive: z.boolean().default(false).describe('Include messages exactly at oldest or latest (default false).'),
    ...pageInput(50, 200),
  }),
  output: z.object({ channel: channelRefOutput, messages: z.array(messageOutput), nextCursor: z.string().optional() }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client, names } = ctx.slack();
    const result = await client.conversations.history({
      channel: input.channel,
      oldest: toSlackTs(input.oldest),
      latest: toSlackTs(input.latest),
      inclusive: input.inclusive,
      limit: input.limit,
      cursor: input.cursor,
    });
    const [channel, messages] = await Promise.all([
      channelRef(input.channel, names),
      describeMessages(result.messages ?? [], names),
    ]);
    return { channel, messages, nextCursor: nextCursor(result) };
  },
});
