import { z } from 'zod';
import { defineSlackTool } from '../context';
import { channelId, messageTs } from '../inputs';
import { channelRef, channelRefOutput } from '../shapes';

export const updateMessage = defineSlackTool({
  name: 'update_message',
  toolset: 'chat',
  title: 'Edit a message',
  description:
    'Replaces the text of a message the token posted itself (a bot token: the bot’s messages; a user token: the ' +
    'user’s). Use it only when the user asked to correct or change such a message; Slack marks it edited. Text ' +
    'uses Slack mrkdwn. Another person’s message answers forbidden (cant_update_message). Returns the channel ' +
    '(id, name), ts and updated. Sent once, never retried.',
  input: z.object({
    channel: channelId,
    ts: messageTs('The message to edit'),
    text: z.string().min(1).max(40_000).describe('The new text in Slack mrkdwn (replaces the old text).'),
  }),
  output: z.object({ channel: channelRefOutput, ts: z.string(), updated: z.literal(true) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client, names } = ctx.slack();
    const result = await client.chat.update({ channel: input.channel, ts: input.ts, text: input.text });
    return { channel: await channelRef(result.channel ?? input.channel, names), ts: result.ts ?? input.ts, updated: true as const };
  },
});
