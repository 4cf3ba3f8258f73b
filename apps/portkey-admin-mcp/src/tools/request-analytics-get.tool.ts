import { ToolError, pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { ANALYTICS_SCOPE, analyticsQuery, analyticsWindowInput, readGraph, type AnalyticsGraph } from '../analytics';
import { definePortkeyAdminTool } from '../context';
import { fetchPage, pageOutput } from '../paging';

/** Where each grouping is served (Portkey Analytics: Graphs and Groups). */
const GROUP_PATHS = { model: 'analytics/groups/ai-models', user: 'analytics/groups/users' } as const;

const cell = z.union([z.string(), z.number(), z.null()]);

export const getRequestAnalytics = definePortkeyAdminTool({
  name: 'get_request_analytics',
  toolset: 'analytics',
  title: 'Get request counts over time or by group',
  description:
    'Portkey request analytics over a time window, with the same filters as get_cost_analytics. groupBy "time" ' +
    '(default): total requests and a time series of buckets. groupBy "model", "user" or "metadata" (with ' +
    'metadataKey): one row per model, end user or metadata value with its requests and cost (cents), paged with ' +
    'nextCursor. Needs the analytics.view scope.',
  input: z.object({
    ...analyticsWindowInput,
    groupBy: z.enum(['time', 'model', 'user', 'metadata']).default('time').describe('time series, or rows per model, user or metadata value.'),
    metadataKey: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'a metadata key such as "env" or "_user"').optional().describe('The metadata key to group by (groupBy "metadata").'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: z.object({
    groupBy: z.string(),
    totalRequests: z.number().nullable().optional().describe('groupBy "time": all requests in the window.'),
    dataPoints: z.array(z.object({ timestamp: z.string(), requests: z.number().nullable() })).optional(),
    omittedPoints: z.number().optional(),
    groups: z.array(z.record(z.string(), cell)).optional().describe('groupBy model/user/metadata: one row per group, as Portkey names its fields.'),
    ...pageOutput,
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const query = analyticsQuery(input);
    if (input.groupBy === 'time') {
      const body = await ctx.api.get<AnalyticsGraph>('analytics/graphs/requests', { query, scope: ANALYTICS_SCOPE });
      const graph = readGraph(body, 'analytics/graphs/requests');
      return {
        groupBy: 'time',
        totalRequests: graph.summary['total'],
        dataPoints: graph.points.map((point) => ({ timestamp: point.timestamp, requests: typeof point['total'] === 'number' ? point['total'] : null })),
        omittedPoints: graph.omittedPoints,
      };
    }
    if (input.groupBy === 'metadata' && !input.metadataKey) throw new ToolError('invalid_input', 'groupBy "metadata" needs metadataKey, e.g. "env".');
    const path = input.groupBy === 'metadata' ? `analytics/groups/metadata/${encodeURIComponent(input.metadataKey ?? '')}` : GROUP_PATHS[input.groupBy];
    const { items, total, nextCursor } = await fetchPage(ctx.api, path, { cursor: input.cursor, limit: input.limit, query, scope: ANALYTICS_SCOPE }, groupRow);
    return { groupBy: input.groupBy, groups: items, total, nextCursor };
  },
});

/** A group row without Portkey's `object` marker; nested values (rare) as JSON text. */
function groupRow(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => key !== 'object')
      .map(([key, value]) => [key, value === null || typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)]),
  );
}
