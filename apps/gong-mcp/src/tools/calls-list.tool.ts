import { pageInput, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { pageOf, readPageCursor } from '../gong-paging';
import { callWindow, dateTime, workspaceId } from '../inputs';
import { callSchema, compactCall, type GongCallMeta } from '../shapes';

type Window = ReturnType<typeof callWindow>;

export const listCalls = defineGongTool({
  name: 'list_calls',
  toolset: 'calls',
  title: 'List calls in a date window',
  description:
    'Lists the recorded Gong calls that started in a date window, oldest first: id, title, start, duration, ' +
    'direction, scope (internal/external), system, host user id and the Gong URL. Default window: the 7 days up to ' +
    'now. Use get_call_details for participants and the AI summary, get_transcript for what was said, find_calls ' +
    'to filter by participant, account domain or title. Up to 100 per page; a window without calls gives an empty list.',
  input: z.object({
    fromDateTime: dateTime('Start of the window, ISO-8601 with offset, e.g. 2026-11-01T00:00:00Z (default: 7 days before toDateTime).').optional(),
    toDateTime: dateTime('End of the window, ISO-8601 with offset (default: now).').optional(),
    workspaceId,
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(callSchema),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const state = readPageCursor<Window>(input.cursor);
    // A cursor keeps the window it was made for, so a default "now" does not move between pages.
    const window = state?.extra ?? callWindow(input.fromDateTime, input.toDateTime, 7);
    const page = await ctx.gong.list<GongCallMeta, 'calls'>('GET', 'calls', 'calls', {
      query: { ...window, workspaceId: input.workspaceId, cursor: state?.token },
      scope: 'api:calls:read:basic',
      notFound: 'empty',
    });
    const shown = pageOf(page.items, page.records.cursor, state, input.limit, window);
    return { items: shown.items.map(compactCall), nextCursor: shown.nextCursor };
  },
});
