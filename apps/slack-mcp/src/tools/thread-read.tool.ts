import { z } from 'zod';
import { defineSlackTool } from '../context';
import { channelId, messageTs, nextCursor, pageInput } from '../inputs';
import { MESSAGE_MAX_CHARS, channelRef, channelRefOutput, describeMessages, messageOutput } from '../shapes';

export const readThread = defineSlackTool({
  name: 'read_thread',
  toolset: 'channels',
  title: 'Read a thread',
  description:
    'Reads a thread: its parent message and the replies, oldest first. Use it after read_channel or ' +
    'search_messages shows a message with replies (pass its threadTs, or its ts when it starts the thread). ' +
    'Returns the channel (id, name), threadTs and a page of messages (the parent first on the first page; ts, ' +
    `time, user, userName, text with mentions named, reactions, files) plus nextCursor; up to 200 per page, each ` +
    `text capped at ${MESSAGE_MAX_CHARS} characters.`,
  input: z.object({
    channel: channelId,
    threadTs: messageTs('The thread’s parent message'),
    ...pageInput(50, 200),
  }),
  output: z.object({
    channel: channelRefOutput,
    threadTs: z.string(),
    messages: z.array(messageOutput),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client, names } = ctx.slack();
    const result = await client.conversations.replies({
      channel: input.channel,
      ts: input.threadTs,
      limit: input.limit,
      cursor: input.cursor,
    });
    const [channel, messages] = await Promise.all([
      channelRef(input.channel, names),
      describeMessages(result.messages ?? [], names),
    ]);
    return { channel, threadTs: input.threadTs, messages, nextCursor: nextCursor(result) };
  },
});
