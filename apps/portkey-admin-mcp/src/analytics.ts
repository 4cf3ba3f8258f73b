import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';

/** The time window and filters every analytics tool takes (Portkey's Analytics API query parameters). */
export const analyticsWindowInput = {
  from: z.iso.datetime({ offset: true }).describe('Start of the window, ISO 8601 with offset, e.g. "2026-11-01T00:00:00Z".'),
  to: z.iso.datetime({ offset: true }).describe('End of the window, ISO 8601 with offset.'),
  workspaceSlug: z.string().min(1).max(200).optional().describe('Workspace slug (Admin API keys; default: the default workspace).'),
  virtualKeys: z.array(z.string().min(1)).max(50).optional().describe('Only requests made through these virtual key slugs.'),
  configs: z.array(z.string().min(1)).max(50).optional().describe('Only requests made with these config slugs.'),
  metadata: z.record(z.string(), z.string()).optional().describe('Only requests carrying this metadata, e.g. { "env": "prod" }.'),
};

export interface AnalyticsWindow {
  from: string;
  to: string;
  workspaceSlug?: string;
  virtualKeys?: string[];
  configs?: string[];
  metadata?: Record<string, string>;
}

/** The query Portkey's analytics endpoints take for a window and its filters. */
export function analyticsQuery(window: AnalyticsWindow) {
  if (Date.parse(window.from) >= Date.parse(window.to)) throw new ToolError('invalid_input', 'from must be before to.');
  return {
    time_of_generation_min: window.from,
    time_of_generation_max: window.to,
    workspace_slug: window.workspaceSlug,
    virtual_keys: window.virtualKeys?.join(','),
    configs: window.configs?.join(','),
    metadata: window.metadata ? JSON.stringify(window.metadata) : undefined,
  };
}

/** An analytics-graph answer: `{ summary, data_points: [{ timestamp, ... }], object }`. */
export interface AnalyticsGraph {
  summary?: Record<string, number | null>;
  data_points?: ({ timestamp: string } & Record<string, number | string | null>)[];
}

/** Most buckets a graph result returns; Portkey picks the bucket size from the window. */
export const MAX_DATA_POINTS = 200;

/** Refuses a graph body without data points, then keeps the last MAX_DATA_POINTS buckets. */
export function readGraph(body: AnalyticsGraph, path: string) {
  if (!body || !Array.isArray(body.data_points)) {
    throw new ToolError('upstream_error', `Portkey answered ${path} with an unexpected body (no \`data_points\`).`);
  }
  const points = body.data_points;
  return {
    summary: body.summary ?? {},
    points: points.slice(-MAX_DATA_POINTS),
    omittedPoints: Math.max(0, points.length - MAX_DATA_POINTS),
  };
}

export const ANALYTICS_SCOPE = 'analytics.view';
