import { recordedRoute, toolCaller, type HttpMethod, type ReceivedRequest } from '@sophia/mcp-testing';
import { gongApp } from '../src/app';

/** The fake Gong API base URL tests point GONG_API_URL at. */
export const API_URL = 'https://gong.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  GONG_ACCESS_KEY: 'test-token-000000',
  GONG_API_URL: API_URL,
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(gongApp, configuredEnv);

/** One fake Gong endpoint (path relative to API_URL) that records what it received. */
export function route(
  method: HttpMethod,
  path: string,
  respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>,
) {
  return recordedRoute(method, `${API_URL}${path}`, respond);
}
