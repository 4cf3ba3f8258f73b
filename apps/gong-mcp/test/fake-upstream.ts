import { HttpResponse, outputOf, routesUnder, structuredContent, toolCaller, type ToolResultLike } from '@sophia/mcp-testing';
import { gongApp } from '../src/app';
import { gongTools } from '../src/tools';

/** The fake Gong base URL tests point GONG_API_URL at (a company's host; paths start with /v2). */
export const API_URL = 'https://us-12345.api.gong.fake';

export const ACCESS_KEY = 'FAKEACCESSKEY0000000';
export const ACCESS_SECRET = 'fake-secret.eyJhbGciOiJIUzI1NiJ9.0000';
/** What Gong receives: Basic base64(key:secret). */
export const BASIC_AUTH = `Basic ${Buffer.from(`${ACCESS_KEY}:${ACCESS_SECRET}`).toString('base64')}`;

/** Environment of a configured server against the fake; short retry waits keep tests fast, no pacing wait. */
export const configuredEnv = {
  GONG_ACCESS_KEY: ACCESS_KEY,
  GONG_ACCESS_SECRET: ACCESS_SECRET,
  GONG_API_URL: API_URL,
  GONG_MAX_REQUESTS_PER_SECOND: '50',
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(gongApp, configuredEnv);

/** One fake Gong endpoint (path after /v2) that records what it received. */
export const route = routesUnder(`${API_URL}/v2`);

/** Gong's success body: `requestId`, `records` (with `cursor` while more pages follow) and the payload. */
export function gongList(field: string, items: unknown[], cursor?: string, extra: Record<string, unknown> = {}) {
  return HttpResponse.json({
    requestId: '4al018gzaztcr8nbukw',
    records: { totalRecords: items.length, currentPageSize: items.length, currentPageNumber: 0, ...(cursor ? { cursor } : {}) },
    [field]: items,
    ...extra,
  });
}

/** Gong's error body: `{ requestId, errors: ["…"] }`. */
export function gongError(status: number, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ requestId: '5bm129haaudsd9ocvlx', errors: [message] }, { status, headers });
}

/** structuredContent of a call to the named tool: the same data as its text, valid against its declared output schema. */
export const structuredResult = <T = Record<string, unknown>>(result: ToolResultLike, toolName: string) => structuredContent(result, outputOf<T>(gongTools, toolName));
