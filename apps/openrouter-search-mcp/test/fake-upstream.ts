import { HttpResponse, resultJson, routesUnder, toolCaller } from '@sophia/mcp-testing';
import { openrouterSearchApp } from '../src/app';
import { CATALOGUE } from './fixtures/openrouter';

/** The fake OpenRouter API base URL tests point OPENROUTER_API_URL at (with OpenRouter's /api/v1 prefix). */
export const API_URL = 'https://openrouter.fake/api/v1';

export const API_KEY = 'sk-or-v1-test-key-000000000000';

/** Environment of a configured server against the fake; short retry waits keep tests fast. */
export const configuredEnv = {
  OPENROUTER_API_KEY: API_KEY,
  OPENROUTER_API_URL: API_URL,
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '50',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** The same server with the tools that cost credits served (test_model). */
export const writeEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

/** Calls one tool through a real MCP client against the real app, on a fresh server (so a fresh catalogue). */
export const callTool = toolCaller(openrouterSearchApp, configuredEnv);

/** One fake OpenRouter endpoint (path relative to API_URL) that records what it received. */
export const route = routesUnder(API_URL);

/** `GET /models` answering the given catalogue (default: the fixture catalogue) in one page. */
export const modelsRoute = (models: unknown[] = CATALOGUE) => route('get', '/models', () => HttpResponse.json({ data: models }));

/** OpenRouter's error body: `{ error: { code, message, metadata? } }` with the same HTTP status. */
export function openrouterError(status: number, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ error: { code: status, message } }, { status, headers });
}

/**
 * A successful result's JSON, loosely typed for terse assertions; that every result matches its
 * tool's output schema is proven once, in structured-content.spec.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (result: Parameters<typeof resultJson>[0]) => resultJson<Record<string, any>>(result);
