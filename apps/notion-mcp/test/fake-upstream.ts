import { HttpResponse, routesUnder, toolCaller } from '@sophia/mcp-testing';
import { notionApp } from '../src/app';

/** The fake Notion API base URL tests point NOTION_API_URL at (the SDK adds /v1). */
export const API_URL = 'https://notion.fake';

/** Environment of a configured server against the fake; a short 5xx backoff keeps tests fast. */
export const configuredEnv = {
  NOTION_TOKEN: 'ntn_test_token_000000',
  NOTION_API_URL: API_URL,
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** The fleet's write policy serves tools that destroy data (replace_page_content) only with MCP_ALLOW_DESTRUCTIVE. */
export const destructiveEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(notionApp, configuredEnv);

/** One fake Notion endpoint (path after /v1) that records what it received. */
export const route = routesUnder(`${API_URL}/v1`);

/** Notion's error body: { object: "error", status, code, message, request_id }. */
export function notionError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    { object: 'error', status, code, message, request_id: '9e2b1f4c-0000-4000-8000-000000000000' },
    { status, headers },
  );
}
