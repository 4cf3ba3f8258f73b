import { HttpResponse, http } from '@sophia/mcp-testing';

/** The fake GitHub API base URL tests point GITHUB_API_URL at. */
export const API_URL = 'https://github.fake';

/** Environment of a configured server against the fake; short retry delays keep tests fast. */
export const configuredEnv = {
  GITHUB_TOKEN: 'ghp_test_token_000000',
  GITHUB_API_URL: API_URL,
  GITHUB_RETRY_BASE_MS: '10',
};

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

/** What the fake GitHub received, so tests assert the request we sent, not just our output. */
export interface Received {
  method: string;
  /** Decoded path, e.g. /repos/octocat/Hello-World/contents/src/app.ts */
  path: string;
  query: Record<string, string>;
  headers: Headers;
  body: unknown;
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * One fake endpoint that records every request it answers. `respond` gets the request and
 * its 1-based call number (for "fail once, then succeed").
 */
export function route(
  method: Method,
  path: string,
  respond: (request: Received, call: number) => Response | Promise<Response>,
) {
  const received: Received[] = [];
  const handler = http[method](`${API_URL}${path}`, async ({ request }) => {
    const url = new URL(request.url);
    const text = await request.text();
    const entry: Received = {
      method: request.method,
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    received.push(entry);
    return respond(entry, received.length);
  });
  return { handler, received };
}

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
