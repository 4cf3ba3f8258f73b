import { z } from 'zod';
import { defineSlackTool, tokenKind } from '../context';
import { nextCursor, pageInput } from '../inputs';
import { MESSAGE_MAX_CHARS, describeMessages, messageOutput } from '../shapes';

export const searchMessages = defineSlackTool({
  name: 'search_messages',
  toolset: 'search',
  title: 'Search messages',
  description:
    'Searches messages across the workspace with Slack search syntax (e.g. "deploy in:#ops from:@alice ' +
    'after:2026-01-01 has:link"). Use it to find discussions without knowing the channel. Served only with a ' +
    'user token (xoxp-, scope search:read): Slack does not let bot tokens search. Returns total and a page of matches (channel id and name, ts, time, user, userName, text with ' +
    `mentions named, permalink) plus nextCursor; up to 100 per page, each text capped at ${MESSAGE_MAX_CHARS} ` +
    'characters. Open a match’s thread with read_thread.',
  input: z.object({
    query: z.string().min(1).max(1000).describe('Slack search query; modifiers allowed (in:, from:, before:, after:, has:).'),
    sort: z.enum(['score', 'timestamp']).default('score').describe('Best match first (score) or by time (default score).'),
    sortDir: z.enum(['asc', 'desc']).default('desc').describe('Sort direction (default desc).'),
    ...pageInput(20, 100),
  }),
  output: z.object({
    total: z.number(),
    matches: z.array(
      messageOutput.extend({
        channel: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
        permalink: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  // Slack's search.messages refuses bot tokens: with one, the tool is not offered at all.
  enabled: (config) => tokenKind(config.SLACK_TOKEN ?? '') !== 'bot',
  handler: async (input, ctx) => {
    const { client, names } = ctx.slack();
    const result = await client.search.messages({
      query: input.query,
      sort: input.sort,
      sort_dir: input.sortDir,
      count: input.limit,
      // "*" asks for the first page of Slack's cursor pagination.
      cursor: input.cursor ?? '*',
    });
    const matches = result.messages?.matches ?? [];
    const [messages, channelNames] = await Promise.all([
      describeMessages(matches, names),
      Promise.all(
        // A direct message's "name" in search results is the other person's id: name them instead.
        matches.map((match) =>
          match.channel?.is_im && match.channel.id ? names.channel(match.channel.id) : (match.channel?.name ?? null),
        ),
      ),
    ]);
    return {
      total: result.messages?.total ?? matches.length,
      matches: matches.map((match, index) => ({
        channel: { id: match.channel?.id ?? null, name: channelNames[index] ?? null },
        ...messages[index],
        permalink: match.permalink ?? null,
      })),
      nextCursor: nextCursor(result),
    };
  },
});
