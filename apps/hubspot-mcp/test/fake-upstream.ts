import { recordedRoute, toolCaller, type HttpMethod, type ReceivedRequest } from '@sophia/mcp-testing';
import { hubspotApp } from '../src/app';

/** The fake HubSpot API base URL tests point HUBSPOT_API_URL at. */
export const API_URL = 'https://hubspot.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  HUBSPOT_ACCESS_TOKEN: 'test-token-000000',
  HUBSPOT_API_URL: API_URL,
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(hubspotApp, configuredEnv);

/** One fake HubSpot endpoint (path relative to API_URL) that records what it received. */
export function route(
  method: HttpMethod,
  path: string,
  respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>,
) {
  return recordedRoute(method, `${API_URL}${path}`, respond);
}
