import { recordedRoute, toolCaller, type ReceivedRequest } from '@sophia/mcp-testing';
import { uiUxAgentApp } from '../src/app';

/** The fake OpenRouter base URL tests point OPENROUTER_API_URL at. */
export const API_URL = 'https://openrouter.fake/api/v1';

/** Environment of a server with the LLM tools configured against the fake. */
export const configuredEnv = {
  OPENROUTER_API_KEY: 'sk-or-v1-test-000000',
  OPENROUTER_API_URL: API_URL,
  UI_UX_MODEL: 'acme/design-model',
  UI_UX_MAX_TOKENS: '1000',
};

/** No key: only the offline tools work, the LLM tools answer not_configured. */
export const offlineEnv = {};

/** Calls one tool through a real MCP client against the real app, on a fresh configured server. */
export const callTool = toolCaller(uiUxAgentApp, configuredEnv);

/** The same, on a server without any key or upstream URL. */
export const callOfflineTool = toolCaller(uiUxAgentApp, offlineEnv);

/** The fake OpenRouter chat completions endpoint, recording what it received. */
export function chatRoute(respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>) {
  return recordedRoute('post', `${API_URL}/chat/completions`, respond);
}
