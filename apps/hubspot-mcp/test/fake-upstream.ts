import { HttpResponse, outputOf, routesUnder, structuredContent, toolCaller, type ToolResultLike } from '@sophia/mcp-testing';
import { hubspotApp } from '../src/app';
import { hubspotTools } from '../src/tools';

/** The fake HubSpot API base URL tests point HUBSPOT_API_URL at. */
export const API_URL = 'https://api.hubapi.fake';

/** Environment of a configured server against the fake; short retry waits keep tests fast. */
export const configuredEnv = {
  HUBSPOT_ACCESS_TOKEN: 'pat-na1-00000000-1111-2222-3333-444444444444',
  HUBSPOT_API_URL: API_URL,
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** The same server with the write tools served (they are destructive, so off by default). */
/** Both switches of the write policy: writes on (read-only is this server's default) and destructive ones too. */
export const writesEnv = { ...configuredEnv, MCP_READ_ONLY: 'false', MCP_ALLOW_DESTRUCTIVE: 'true' };

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(hubspotApp, configuredEnv);

/** One fake HubSpot endpoint (path relative to API_URL) that records what it received. */
export const route = routesUnder(API_URL);

/** HubSpot's error body: `{ status: 'error', message, correlationId, category, errors? }`. */
export function hubspotError(
  status: number,
  message: string,
  extra: { category?: string; errors?: unknown[]; headers?: Record<string, string>; errorType?: string; policyName?: string } = {},
) {
  const { headers, ...fields } = extra;
  return HttpResponse.json(
    { status: 'error', message, correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf', ...fields },
    { status, headers },
  );
}

/** structuredContent of a call to the named tool: the same data as its text, valid against its declared output schema. */
export const structured = (name: string, result: ToolResultLike) => structuredContent(result, outputOf(hubspotTools, name));
