import { z } from 'zod';
import { defineSlackTool } from '../context';
import { channelId, messageTs } from '../inputs';
import { channelRef, channelRefOutput } from '../shapes';

export const deleteMessage = defineSlackTool({
  name: 'delete_message',
  toolset: 'chat',
  title: 'Delete a message',
  description:
    'Deletes a message the token posted itself (a bot token: the bot’s messages; a user token: the user’s); it ' +
    'cannot be undone. Use it only when the user explicitly asked to delete that message. Another person’s ' +
    'message answers forbidden (cant_delete_message). Returns the channel (id, name), ts and deleted. Served ' +
    'only when destructive tools are allowed (MCP_ALLOW_DESTRUCTIVE=true); sent once, never retried.',
  input: z.object({
    channel: channelId,
    ts: messageTs('The message to delete'),
  }),
  output: z.object({ channel: channelRefOutput, ts: z.string(), deleted: z.literal(true) }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client, names } = ctx.slack();
    const result = await client.chat.delete({ channel: input.channel, ts: input.ts });
    return { channel: await channelRef(result.channel ?? input.channel, names), ts: result.ts ?? input.ts, deleted: true as const };
  },
});
