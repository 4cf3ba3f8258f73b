import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { pageOf, readPageCursor } from '../gong-paging';
import { gongId } from '../inputs';

const day = (description: string) => z.iso.date().describe(description);

/** Gong's per-user counters (`userAggregateActivityStats`), passed through by name. */
const STAT_NAMES = [
  'callsAsHost',
  'callsAttended',
  'callsGaveFeedback',
  'callsRequestedFeedback',
  'callsReceivedFeedback',
  'ownCallsListenedTo',
  'othersCallsListenedTo',
  'callsSharedInternally',
  'callsSharedExternally',
  'callsScorecardsFilled',
  'callsScorecardsReceived',
  'callsCommentsGiven',
  'callsCommentsReceived',
  'callsMarkedAsFeedbackGiven',
  'callsMarkedAsFeedbackReceived',
] as const;

type StatName = (typeof STAT_NAMES)[number];

interface GongUserActivity {
  userId?: string;
  userEmailAddress?: string;
  userAggregateActivityStats?: Partial<Record<StatName, number>>;
}

const statsSchema = z.object(Object.fromEntries(STAT_NAMES.map((name) => [name, z.number()])) as Record<StatName, z.ZodNumber>);

export const getActivityStats = defineGongTool({
  name: 'get_activity_stats',
  toolset: 'users',
  title: 'Get aggregated user activity',
  description:
    'Aggregated activity per Gong user over a date range: calls hosted and attended, feedback given and received, ' +
    "calls listened to (own and others'), shared internally and externally, scorecards, comments. Dates are days in " +
    "the company's time zone; toDate is exclusive and may not be after today. Omit userIds for every user with " +
    'activity. Users with no activity in the range are not listed. Up to 100 users per page.',
  input: z.object({
    fromDate: day('First day, YYYY-MM-DD (inclusive).'),
    toDate: day('Day after the last, YYYY-MM-DD (exclusive; not after today).'),
    userIds: z.array(gongId('user')).max(100).optional().describe('Only these users (ids from list_users).'),
    ...pageInput({ defaultLimit: 100 }),
  }),
  output: z.object({
    timeZone: z.string().nullable().describe("The company's time zone the days are in."),
    items: z.array(z.object({ userId: z.string().nullable(), email: z.string().nullable(), stats: statsSchema })),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const state = readPageCursor(input.cursor);
    const page = await ctx.gong.list<GongUserActivity, 'usersAggregateActivityStats'>(
      'POST',
      'stats/activity/aggregate',
      'usersAggregateActivityStats',
      {
        body: { filter: { fromDate: input.fromDate, toDate: input.toDate, userIds: input.userIds }, cursor: state?.token },
        scope: 'api:stats:user-actions',
        // Gong's 404 here means a user id it does not know; without userIds, nothing to report.
        notFound: input.userIds ? 'Gong does not know (all of) these userIds: take ids from list_users' : 'empty',
      },
    );
    const shown = pageOf(page.items, page.records.cursor, state, input.limit);
    const timeZone = (page.raw as { timeZone?: string } | undefined)?.timeZone ?? null;
    return {
      timeZone,
      items: shown.items.map((user) => ({
        userId: user.userId ?? null,
        email: user.userEmailAddress ?? null,
        stats: Object.fromEntries(STAT_NAMES.map((name) => [name, user.userAggregateActivityStats?.[name] ?? 0])) as Record<StatName, number>,
      })),
      nextCursor: shown.nextCursor,
    };
  },
});
