import { recordedRoute, toolCaller, type HttpMethod, type ReceivedRequest } from '@sophia/mcp-testing';
import { uiUxAgentApp } from '../src/app';

/** The fake UI/UX agent API base URL tests point UI_UX_AGENT_API_URL at. */
export const API_URL = 'https://ui-ux-agent.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  OPENROUTER_API_KEY: 'test-token-000000',
  UI_UX_AGENT_API_URL: API_URL,
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(uiUxAgentApp, configuredEnv);

/** One fake UI/UX agent endpoint (path relative to API_URL) that records what it received. */
export function route(
  method: HttpMethod,
  path: string,
  respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>,
) {
  return recordedRoute(method, `${API_URL}${path}`, respond);
}
