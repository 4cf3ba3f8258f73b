import { HttpResponse, routesUnder, toolCaller } from '@sophia/mcp-testing';
import { codacyApp } from '../src/app';

/** The fake Codacy API base URL tests point CODACY_API_URL at (with Codacy's own /api/v3 prefix). */
export const API_URL = 'https://codacy.fake/api/v3';

export const TOKEN = 'cdcy-test-token-0000000000';

/** Environment of a configured server against the fake; short retry waits keep tests fast. */
export const configuredEnv = {
  CODACY_API_TOKEN: TOKEN,
  CODACY_API_URL: API_URL,
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '50',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** The same server with the destructive write tools served (ignore_issue). */
export const writeEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(codacyApp, configuredEnv);

/** One fake Codacy endpoint (path relative to API_URL) that records what it received. */
export const route = routesUnder(API_URL);

/** Codacy's list envelope: `{ data, pagination: { cursor?, limit, total } }`; no cursor on the last page. */
export function codacyList(data: unknown[], cursor?: string, total?: number) {
  const pagination: Record<string, unknown> = { limit: 100 };
  if (cursor) pagination['cursor'] = cursor;
  if (total !== undefined) pagination['total'] = total;
  return HttpResponse.json({ data, pagination });
}

/** Codacy's single-object envelope: `{ data }`. */
export const codacyData = (data: unknown) => HttpResponse.json({ data });

/** Codacy's error body (ApiError): `{ message, actions, error }`, e.g. error "NotFound". */
export function codacyError(status: number, message: string, headers: Record<string, string> = {}) {
  const error = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 429: 'TooManyRequests' }[status] ?? 'InternalServerError';
  return HttpResponse.json({ message, actions: [], error }, { status, headers });
}

/** Codacy paths of the repository the specs use. */
export const ORG = '/organizations/gh/acme';
export const REPO = `${ORG}/repositories/web-app`;
export const repoArgs = { provider: 'gh', organization: 'acme', repository: 'web-app' };
