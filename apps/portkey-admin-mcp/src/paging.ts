import { ToolError, pageNumberCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import type { PortkeyApi, PortkeyQuery } from './portkey-api';

/** Portkey's list envelope: `{ object: 'list', total, data: [...] }` (configs: `{ success, data }`). */
export interface PortkeyList<T> {
  total?: number;
  data?: T[];
}

/** The query of one page: Portkey counts pages from 0 (`current_page`), our cursor from 1. */
export function pageQuery(cursor: string | undefined, limit: number) {
  const page = pageNumberCursor.read(cursor);
  return { page, query: { current_page: page - 1, page_size: limit } };
}

/**
 * The items of one page and our cursor to the next: there is one while `total` says more remain
 * (without `total`, while the page came back full). Refuses a body without a `data` list, so an
 * outage page never reaches a tool as an empty list.
 */
export function readPage<T>(body: PortkeyList<T>, path: string, page: number, limit: number) {
  if (!body || !Array.isArray(body.data)) {
    throw new ToolError('upstream_error', `Portkey answered ${path} with an unexpected body (no \`data\` list).`);
  }
  const hasMore = typeof body.total === 'number' ? page * limit < body.total : body.data.length === limit;
  return { items: body.data, total: body.total, nextCursor: pageNumberCursor.next(page, hasMore) };
}

/** Output fields every paged list adds next to its items. */
export const pageOutput = {
  total: z.number().optional().describe('All matches across pages, when Portkey counts them.'),
  nextCursor: z.string().optional().describe('Pass as cursor for the next page; absent on the last page.'),
};

/** The output of a paged list tool: its compact items and the page fields. */
export const listOutput = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), ...pageOutput });

/** One page of a Portkey list endpoint (`current_page`/`page_size`), its items compacted for the tool's output. */
export async function fetchPage<T, R>(
  api: PortkeyApi,
  path: string,
  request: { cursor?: string; limit: number; query?: PortkeyQuery; scope: string },
  compact: (item: T) => R,
) {
  const { page, query } = pageQuery(request.cursor, request.limit);
  const body = await api.get<PortkeyList<T>>(path, { query: { ...query, ...request.query }, scope: request.scope });
  const result = readPage(body, path, page, request.limit);
  return { ...result, items: result.items.map(compact) };
}

/** Shared input: the workspace an Admin API key should look into. */
export const workspaceId = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('Workspace id or slug (Admin API keys; a Workspace API key is locked to its own workspace).');

/** Shared output: Portkey's rate and budget limits on keys and workspaces. */
export const rateLimitsOutput = z
  .array(z.object({ type: z.string().optional(), unit: z.string().optional(), value: z.number().optional() }))
  .optional();
export const usageLimitsOutput = z
  .object({ creditLimit: z.number().optional(), alertThreshold: z.number().optional(), periodicReset: z.string().optional() })
  .optional();

export interface RawUsageLimits {
  credit_limit?: number | null;
  alert_threshold?: number | null;
  periodic_reset?: string | null;
}
export interface RawRateLimit {
  type?: string;
  unit?: string;
  value?: number;
}

export function usageLimits(raw: RawUsageLimits | null | undefined) {
  if (!raw) return undefined;
  return {
    creditLimit: raw.credit_limit ?? undefined,
    alertThreshold: raw.alert_threshold ?? undefined,
    periodicReset: raw.periodic_reset ?? undefined,
  };
}

export function rateLimits(raw: RawRateLimit[] | null | undefined) {
  return raw?.map(({ type, unit, value }) => ({ type, unit, value }));
}

/** Pages a list Portkey returns whole (configs, config versions) with the same cursor as the paged lists. */
export function pageLocally<T, R>(all: T[] | undefined, cursor: string | undefined, limit: number, compact: (item: T) => R) {
  if (!Array.isArray(all)) throw new ToolError('upstream_error', 'Portkey answered with an unexpected body (no `data` list).');
  const page = pageNumberCursor.read(cursor);
  const items = all.slice((page - 1) * limit, page * limit).map(compact);
  return { items, total: all.length, nextCursor: pageNumberCursor.next(page, page * limit < all.length) };
}
