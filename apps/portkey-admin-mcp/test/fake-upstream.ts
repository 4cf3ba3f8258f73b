import { HttpResponse, routesUnder, toolCaller } from '@sophia/mcp-testing';
import { portkeyAdminApp } from '../src/app';

/** The fake Portkey API base URL tests point PORTKEY_API_URL at (with Portkey's /v1 prefix). */
export const API_URL = 'https://portkey.fake/v1';

export const API_KEY = 'pk-test-key-0000000000';

/** Environment of a configured server against the fake; short retry waits keep tests fast. */
export const configuredEnv = {
  PORTKEY_API_KEY: API_KEY,
  PORTKEY_API_URL: API_URL,
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '50',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** The same server with the destructive write tool served (update_config). */
export const writeEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(portkeyAdminApp, configuredEnv);

/** One fake Portkey endpoint (path relative to API_URL) that records what it received. */
export const route = routesUnder(API_URL);

/** Portkey's paged list: `{ object: 'list', total, data }`. */
export const portkeyList = (data: unknown[], total = data.length) => HttpResponse.json({ object: 'list', total, data });

/** Portkey's Admin API error body: `{ success: false, data: { message, errorCode } }`. */
export function portkeyError(status: number, message: string, errorCode?: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ success: false, data: { message, ...(errorCode ? { errorCode } : {}) } }, { status, headers });
}
