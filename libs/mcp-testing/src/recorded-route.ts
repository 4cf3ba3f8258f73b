import { http } from 'msw';

/** What a fake upstream endpoint received, so tests assert the request we sent, not just our output. */
export interface ReceivedRequest {
  method: string;
  /** Decoded path, e.g. /repos/octocat/Hello-World/contents/src/app.ts */
  path: string;
  query: Record<string, string>;
  headers: Headers;
  /** Parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
}

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** A fake endpoint's answer to a request and its 1-based call number. */
export type Respond = (request: ReceivedRequest, call: number) => Response | Promise<Response>;

/**
 * One fake endpoint (an MSW handler) that records every request it answers. `respond`
 * gets the request and its 1-based call number (for "fail once, then succeed").
 * Use: `const issues = recordedRoute('get', `${API}/issues`, () => HttpResponse.json([]));
 * fake.use(issues.handler); ... expect(issues.received[0].query).toEqual(...)`.
 */
export function recordedRoute(method: HttpMethod, url: string, respond: Respond) {
  const received: ReceivedRequest[] = [];
  const handler = http[method](url, async ({ request }) => {
    const target = new URL(request.url);
    const text = await request.text();
    const entry: ReceivedRequest = {
      method: request.method,
      path: decodeURIComponent(target.pathname),
      query: Object.fromEntries(target.searchParams),
      headers: request.headers,
      body: parseBody(text),
    };
    received.push(entry);
    return respond(entry, received.length);
  });
  return { handler, received };
}

/**
 * `recordedRoute` bound to an upstream's base URL, for an app's fake: `export const route = routesUnder(API_URL);`
 * then `route('get', '/users/me', () => HttpResponse.json(me))` (the path is relative to the base URL).
 */
export function routesUnder(baseUrl: string) {
  return (method: HttpMethod, path: string, respond: Respond) => recordedRoute(method, `${baseUrl}${path}`, respond);
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
