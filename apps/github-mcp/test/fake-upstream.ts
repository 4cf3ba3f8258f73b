import { HttpResponse, routesUnder, toolCaller } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';

/** The fake GitHub API base URL tests point GITHUB_API_URL at. */
export const API_URL = 'https://github.fake';

/** Environment of a configured server against the fake; short retry delays keep tests fast. */
export const configuredEnv = {
  GITHUB_TOKEN: 'ghp_test_token_000000',
  GITHUB_API_URL: API_URL,
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(githubApp, configuredEnv);

/** GET /user as documented (trimmed to the fields we read). */
export const authenticatedUser = {
  login: 'octocat',
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  type: 'User',
  name: 'monalisa octocat',
  company: 'GitHub',
  email: 'octocat@github.com',
  html_url: 'https://github.com/octocat',
  public_repos: 2,
  created_at: '2008-01-14T04:33:35Z',
};

/** One fake GitHub endpoint (path relative to API_URL) that records what it received. */
export const route = routesUnder(API_URL);

/** GitHub's Link header for a page that has a next one. */
export function linkHeader(path: string, nextPage: number, lastPage: number): string {
  return [
    `<https://api.github.com${path}?page=${nextPage}>; rel="next"`,
    `<https://api.github.com${path}?page=${lastPage}>; rel="last"`,
  ].join(', ');
}

/** GitHub's error body: { message, documentation_url } (plus errors on 422). */
export function githubError(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    { message, documentation_url: 'https://docs.github.com/rest', status: String(status), ...extra },
    { status, headers },
  );
}
