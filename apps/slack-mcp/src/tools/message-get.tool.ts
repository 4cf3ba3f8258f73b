import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineSlackTool } from '../context';
import { parsePermalink } from '../inputs';
import { MESSAGE_MAX_CHARS, channelRef, channelRefOutput, describeMessages, messageOutput } from '../shapes';

export const getMessage = defineSlackTool({
  name: 'get_message',
  toolset: 'channels',
  title: 'Read a message by its permalink',
  description:
    'Reads one Slack message from its permalink (Copy link in Slack, e.g. https://acme.slack.com/archives/' +
    'C024BE91L/p1512085950000216, with ?thread_ts=… for a thread reply). Use it when the user pastes a Slack link. Returns the ' +
    'channel (id, name) and the message (ts, time, user, userName, text with mentions named, threadTs, replyCount, ' +
    `reactions, files; text capped at ${MESSAGE_MAX_CHARS} characters); open its thread with read_thread. Needs the ` +
    'history scope of the channel kind, like read_channel.',
  input: z.object({
    permalink: z.string().min(1).max(500).describe('The message link, e.g. "https://acme.slack.com/archives/C024BE91L/p1512085950000216".'),
  }),
  output: z.object({ channel: channelRefOutput, message: messageOutput }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const link = parsePermalink(input.permalink);
    const { client, names } = ctx.slack();
    // The message is the only one at its ts: ask for exactly that instant, bounds included.
    const window = { channel: link.channel, oldest: link.ts, latest: link.ts, inclusive: true };
    const result =
      link.threadTs && link.threadTs !== link.ts
        ? // conversations.replies may put the thread's parent first whatever the window: room for both.
          await client.conversations.replies({ ...window, ts: link.threadTs, limit: 2 })
        : await client.conversations.history({ ...window, limit: 1 });
    const found = (result.messages ?? []).find((message) => message.ts === link.ts);
    if (!found) {
      throw ToolError.notFound(`no message at ${link.ts} in channel ${link.channel}: it was deleted, or the link is not to a message`);
    }
    const [channel, [message]] = await Promise.all([channelRef(link.channel, names), describeMessages([found], names)]);
    return { channel, message };
  },
});
