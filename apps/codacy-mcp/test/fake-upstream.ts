import { recordedRoute, toolCaller, type HttpMethod, type ReceivedRequest } from '@sophia/mcp-testing';
import { codacyApp } from '../src/app';

/** The fake Codacy API base URL tests point CODACY_API_URL at. */
export const API_URL = 'https://codacy.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  CODACY_API_TOKEN: 'test-token-000000',
  CODACY_API_URL: API_URL,
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(codacyApp, configuredEnv);

/** One fake Codacy endpoint (path relative to API_URL) that records what it received. */
export function route(
  method: HttpMethod,
  path: string,
  respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>,
) {
  return recordedRoute(method, `${API_URL}${path}`, respond);
}
