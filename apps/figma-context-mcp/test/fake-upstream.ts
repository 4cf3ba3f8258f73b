import { HttpResponse, routesUnder, toolCaller } from '@sophia/mcp-testing';
import { figmaContextApp } from '../src/app';

/** The fake Figma API base URL tests point FIGMA_API_URL at (with Figma's own /v1 prefix). */
export const API_URL = 'https://api.figma.fake/v1';

export const FIGMA_TOKEN = 'figd_test0000000000000000000000000000000';

/** Environment of a configured server against the fake; short retry waits keep tests fast. */
export const configuredEnv = {
  FIGMA_TOKEN,
  FIGMA_API_URL: API_URL,
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '50',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(figmaContextApp, configuredEnv);

/** One fake Figma endpoint (path relative to API_URL) that records what it received. */
export const route = routesUnder(API_URL);

/** Figma's error body on most endpoints: `{ status, err }`. */
export function figmaErr(status: number, err: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ status, err }, { status, headers });
}

/** Figma's error body on newer endpoints (variables, library lists): `{ error: true, status, message }`. */
export function figmaErrorMessage(status: number, message: string) {
  return HttpResponse.json({ error: true, status, message }, { status });
}

/** The `{ error: false, status: 200, meta }` envelope of the library and variables endpoints. */
export function figmaMeta(meta: Record<string, unknown>) {
  return HttpResponse.json({ error: false, status: 200, meta });
}

