import { HttpResponse, routesUnder, toolCaller } from '@sophia/mcp-testing';
import { asanaApp } from '../src/app';

/** The fake Asana API base URL tests point ASANA_API_URL at (with Asana's own /api/1.0 prefix). */
export const API_URL = 'https://asana.fake/api/1.0';

/** Environment of a configured server against the fake; a short Retry-After cap keeps tests fast. */
export const configuredEnv = {
  ASANA_TOKEN: '2/1200000000000001/1209999999999999:0123456789abcdef',
  ASANA_API_URL: API_URL,
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '50',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** The same server with destructive tools allowed (the fleet's write policy keeps them off by default). */
export const destructiveEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(asanaApp, configuredEnv);

/** One fake Asana endpoint (path relative to API_URL) that records what it received. */
export const route = routesUnder(API_URL);

/** Asana's success envelope: `{ data }`, plus `next_page` on paginated lists (null on the last page). */
export function asanaData(data: unknown, nextOffset?: string | null, status = 200) {
  const body: Record<string, unknown> = { data };
  if (nextOffset !== undefined) {
    body['next_page'] = nextOffset === null ? null : { offset: nextOffset, path: '/next', uri: `https://app.asana.com/api/1.0/next?offset=${nextOffset}` };
  }
  return HttpResponse.json(body, { status });
}

/** Asana's error body: `{ errors: [{ message, help }] }` (500s add a `phrase`). */
export function asanaError(status: number, message: string, headers: Record<string, string> = {}) {
  const error: Record<string, string> = {
    message,
    help: 'For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors',
  };
  if (status >= 500) error['phrase'] = '6 sad squid snuggle softly';
  return HttpResponse.json({ errors: [error] }, { status, headers });
}
