import { z } from 'zod';
import { defineSlackTool } from '../context';
import { channelId, futureEpochSeconds, messageTs, time } from '../inputs';
import { channelRef, channelRefOutput } from '../shapes';

export const scheduleMessage = defineSlackTool({
  name: 'schedule_message',
  toolset: 'chat',
  title: 'Schedule a message',
  description:
    'Schedules a message to be posted to a channel (or as a thread reply with threadTs) at a future time, up to ' +
    '120 days ahead. Use it only when the user asked for a later post; each call schedules another message. ' +
    'Text uses Slack mrkdwn. Returns scheduledMessageId, the channel (id, name) and postAt (ISO 8601). Sent once, ' +
    'never retried, like post_message.',
  input: z.object({
    channel: channelId,
    text: z.string().min(1).max(40_000).describe('Message text in Slack mrkdwn.'),
    postAt: time('When to post'),
    threadTs: messageTs('Reply in the thread of this message').optional(),
  }),
  output: z.object({ scheduledMessageId: z.string().nullable(), channel: channelRefOutput, postAt: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const postAt = futureEpochSeconds(input.postAt);
    const { client, names } = ctx.slack();
    const result = await client.chat.scheduleMessage({
      channel: input.channel,
      text: input.text,
      post_at: postAt,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    });
    return {
      scheduledMessageId: result.scheduled_message_id ?? null,
      channel: await channelRef(result.channel ?? input.channel, names),
      postAt: new Date((result.post_at ?? postAt) * 1000).toISOString(),
    };
  },
});
