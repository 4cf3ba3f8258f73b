import { HttpResponse, recordedRoute, toolCaller, type ReceivedRequest } from '@sophia/mcp-testing';
import { slackApp } from '../src/app';

/** The fake Slack API base URL tests point SLACK_API_URL at (the SDK appends the method name). */
export const API_URL = 'https://slack.fake/api/';

/** A configured server with a user token against the fake; short retry delays keep tests fast. */
export const configuredEnv = {
  SLACK_TOKEN: 'xoxp-1111-2222-3333-test',
  SLACK_API_URL: API_URL,
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(slackApp, configuredEnv);

/** The same server with destructive tools allowed (delete_message). */
export const destructiveEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

/** The same server with a bot token. */
export const botEnv = { ...configuredEnv, SLACK_TOKEN: 'xoxb-1111-2222-test' };

/**
 * One fake Slack Web API method (`conversations.list`, `chat.postMessage`, …) that records what
 * it received. The WebClient POSTs every method with a form-encoded body; `form()` reads it.
 */
export function method(name: string, respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>) {
  return recordedRoute('post', `${API_URL}${name}`, respond);
}

/** The arguments of a recorded Web API call. */
export function form(request: ReceivedRequest | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(typeof request?.body === 'string' ? request.body : ''));
}

/** Slack's success answer: HTTP 200, `ok: true` and the method's fields. */
export const slackOk = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  HttpResponse.json({ ok: true, ...body }, { headers });

/** Slack's error answer: HTTP 200 too, `ok: false` and an error code (plus e.g. needed/provided). */
export const slackError = (error: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ ok: false, error, ...extra });

/** Slack's rate limit: HTTP 429 with Retry-After in seconds and `error: "ratelimited"`. */
export const rateLimited = (retryAfter: number) =>
  HttpResponse.json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'retry-after': String(retryAfter) } });

/** The cursor in response_metadata that says another page exists. */
export const morePages = (cursor: string) => ({ response_metadata: { next_cursor: cursor } });

/** users.info answers (trimmed to the fields we read), by id. */
export const people: Record<string, Record<string, unknown>> = {
  U024BE7LH: {
    id: 'U024BE7LH',
    team_id: 'T012AB3C4',
    name: 'spengler',
    deleted: false,
    real_name: 'Egon Spengler',
    tz: 'America/New_York',
    profile: {
      title: 'Ghostbuster',
      real_name: 'Egon Spengler',
      display_name: 'spengler',
      email: 'spengler@ghostbusters.example.com',
      status_text: 'Print is dead',
      status_emoji: ':books:',
    },
    is_admin: true,
    is_owner: false,
    is_bot: false,
    is_restricted: false,
  },
  U061F7AUR: {
    id: 'U061F7AUR',
    name: 'venkman',
    real_name: 'Peter Venkman',
    profile: { real_name: 'Peter Venkman', display_name: '' },
    is_bot: false,
  },
};

/** conversations.info answers, by id. */
export const channels: Record<string, Record<string, unknown>> = {
  C1H9RESGL: { id: 'C1H9RESGL', name: 'busting', is_channel: true, is_private: false },
  D0C0F7S8Y: { id: 'D0C0F7S8Y', is_im: true, user: 'U024BE7LH' },
};

/** users.info and conversations.info over the fixtures above: what name resolution calls. */
export function directory() {
  const users = method('users.info', (request) => {
    const user = people[form(request).user ?? ''];
    return user ? slackOk({ user }) : slackError('user_not_found');
  });
  const conversations = method('conversations.info', (request) => {
    const channel = channels[form(request).channel ?? ''];
    return channel ? slackOk({ channel }) : slackError('channel_not_found');
  });
  return { users, conversations, handlers: [users.handler, conversations.handler] };
}

/** A conversations.history / replies message as Slack documents it (trimmed). */
export function message(ts: string, user: string, text: string, extra: Record<string, unknown> = {}) {
  return { type: 'message', ts, user, text, team: 'T012AB3C4', ...extra };
}
