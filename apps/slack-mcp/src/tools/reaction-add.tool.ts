import { z } from 'zod';
import { defineSlackTool } from '../context';
import { channelId, messageTs } from '../inputs';

export const addReaction = defineSlackTool({
  name: 'add_reaction',
  toolset: 'chat',
  title: 'Add a reaction',
  description:
    'Adds an emoji reaction to a message, as the token’s bot or user. Use it to acknowledge a message ' +
    '(e.g. "eyes", "white_check_mark") when the user asked to. Name the emoji without colons; custom emoji ' +
    'work by their name. Adding a reaction that is already there answers conflict and changes nothing. ' +
    'Returns the channel, ts and reaction.',
  input: z.object({
    channel: channelId,
    ts: messageTs('The message to react to'),
    reaction: z
      .string()
      .transform((name) => name.replace(/^:|:$/g, ''))
      .pipe(z.string().regex(/^[a-z0-9_+'-]{1,100}(::skin-tone-[2-6])?$/, 'an emoji name like "thumbsup" or "eyes"'))
      .describe('Emoji name without colons, e.g. "thumbsup", "white_check_mark" or a custom emoji’s name.'),
  }),
  output: z.object({ channel: z.string(), ts: z.string(), reaction: z.string(), added: z.literal(true) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { client } = ctx.slack();
    await client.reactions.add({ channel: input.channel, timestamp: input.ts, name: input.reaction });
    return { channel: input.channel, ts: input.ts, reaction: input.reaction, added: true as const };
  },
});
