import { z } from 'zod';
import { defineSlackTool } from '../context';
import { channelId, messageTs, tsToIso } from '../inputs';
import { channelRef, channelRefOutput } from '../shapes';

export const postMessage = defineSlackTool({
  name: 'post_message',
  toolset: 'chat',
  title: 'Post a message',
  description:
    'Posts a message to a channel, or replies in a thread when threadTs is given (replyBroadcast also shows ' +
    'the reply in the channel). Use it only when the user asked to post; it posts as the token’s bot or user, ' +
    'visible to everyone in the channel, and each call posts again (not idempotent). Text uses Slack mrkdwn ' +
    '(*bold*, _italic_, <@U024BE7LH> mentions, <https://example.com|links>). Returns the channel (id, name), ' +
    'ts (the new message’s id), time and threadTs. The request is sent once: a rate limit or a Slack failure ' +
    'is reported, not retried, so a message is never posted twice.',
  input: z.object({
    channel: channelId,
    text: z.string().min(1).max(40_000).describe('Message text in Slack mrkdwn (Slack truncates beyond 40,000 characters).'),
    threadTs: messageTs('Reply in the thread of this message').optional(),
    replyBroadcast: z.boolean().default(false).describe('With threadTs: also show the reply in the channel (default false).'),
  }),
  output: z.object({ channel: channelRefOutput, ts: z.string(), time: z.string().nullable(), threadTs: z.string().nullable() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client, names } = ctx.slack();
    const result = await client.chat.postMessage({
      channel: input.channel,
      text: input.text,
      // Without a thread there is nothing to broadcast.
      ...(input.threadTs ? { thread_ts: input.threadTs, reply_broadcast: input.replyBroadcast } : { reply_broadcast: false as const }),
    });
    const ts = result.ts ?? '';
    return {
      // Slack answers with the id it posted to (a user id given as channel becomes the DM's id).
      channel: await channelRef(result.channel ?? input.channel, names),
      ts,
      time: ts ? tsToIso(ts) : null,
      threadTs: input.threadTs ?? null,
    };
  },
});
