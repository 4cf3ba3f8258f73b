import { z } from 'zod';
import { ANALYTICS_SCOPE, analyticsQuery, analyticsWindowInput, readGraph, type AnalyticsGraph } from '../analytics';
import { definePortkeyAdminTool } from '../context';

const cents = z.number().nullable().optional();

export const getCostAnalytics = definePortkeyAdminTool({
  name: 'get_cost_analytics',
  toolset: 'analytics',
  title: 'Get cost over time',
  description:
    'Portkey\'s cost of LLM requests over a time window, optionally only for some virtual keys, configs or metadata: ' +
    'the total and average cost per request (in cents) and a time series of buckets Portkey sizes to the window ' +
    '(the last 200 buckets at most). For requests per model, user or metadata value use get_request_analytics. ' +
    'Needs the analytics.view scope.',
  input: z.object(analyticsWindowInput),
  output: z.object({
    totalCents: cents,
    avgCentsPerRequest: cents,
    dataPoints: z.array(z.object({ timestamp: z.string(), totalCents: cents, avgCents: cents })),
    omittedPoints: z.number().describe('Older buckets left out (0 unless the window held more than 200).'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const body = await ctx.api.get<AnalyticsGraph>('analytics/graphs/cost', { query: analyticsQuery(input), scope: ANALYTICS_SCOPE });
    const graph = readGraph(body, 'analytics/graphs/cost');
    return {
      totalCents: graph.summary['total'],
      avgCentsPerRequest: graph.summary['avg'],
      dataPoints: graph.points.map((point) => ({ timestamp: point.timestamp, totalCents: asNumber(point['total']), avgCents: asNumber(point['avg']) })),
      omittedPoints: graph.omittedPoints,
    };
  },
});

function asNumber(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}
