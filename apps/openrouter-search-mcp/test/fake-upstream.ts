import { recordedRoute, toolCaller, type HttpMethod, type ReceivedRequest } from '@sophia/mcp-testing';
import { openrouterSearchApp } from '../src/app';

/** The fake OpenRouter API base URL tests point OPENROUTER_API_URL at. */
export const API_URL = 'https://openrouter-search.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  OPENROUTER_API_KEY: 'test-token-000000',
  OPENROUTER_API_URL: API_URL,
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(openrouterSearchApp, configuredEnv);

/** One fake OpenRouter endpoint (path relative to API_URL) that records what it received. */
export function route(
  method: HttpMethod,
  path: string,
  respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>,
) {
  return recordedRoute(method, `${API_URL}${path}`, respond);
}
