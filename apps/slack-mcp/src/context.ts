import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import { toolDefiner, type ContextDeps, type Logger } from '@sophia/mcp-base';
import type { SlackConfig } from './config';
import { NameDirectory, createUserNameCache } from './names';

/** Bot tokens (xoxb-) and user tokens (xoxp-), also in their rotating form (xoxe.xoxp-…). */
export type TokenKind = 'bot' | 'user' | 'other';

/** What one tool call works with: a WebClient for the call, and its name directory. */
export interface SlackCall {
  client: WebClient;
  names: NameDirectory;
}

export interface SlackContext {
  /**
   * Opens the Slack client for one tool call. Retries and rate-limit waits are the base's upstream
   * fetch: reads (every request of a read-only tool) are retried, a write is sent exactly once,
   * because a retried chat.postMessage after a 5xx could post the message twice.
   */
  slack(): SlackCall;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineSlackTool = toolDefiner<SlackContext, SlackConfig>();

/**
 * The only place that reads the token. A WebClient is cheap (a queue and a few fields), so each
 * tool call gets its own: its request queue then only ever holds that call's requests (so each
 * runs in its call's scope), and its name directory lives as long as the call; people's names
 * are kept for the process (names.ts).
 */
export function createSlackContext(config: SlackConfig, deps: Pick<ContextDeps, 'logger' | 'upstreamFetch'>): SlackContext {
  const logger = slackLogger(deps.logger);
  const fetch = deps.upstreamFetch('Slack');
  const userNames = createUserNameCache();
  return {
    slack() {
      const client = new WebClient(config.SLACK_TOKEN, {
        slackApiUrl: config.SLACK_API_URL,
        logger,
        // A method name can never send the token anywhere but SLACK_API_URL.
        allowAbsoluteUrls: false,
        maxRequestConcurrency: 8,
        // The upstream fetch retries and waits; the SDK's own loop would retry on top of it.
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        fetch,
      });
      return { client, names: new NameDirectory(client, userNames) };
    },
  };
}

export function tokenKind(token: string): TokenKind {
  const bare = token.replace(/^xoxe\./, '');
  if (bare.startsWith('xoxb-')) return 'bot';
  if (bare.startsWith('xoxp-')) return 'user';
  return 'other';
}

/** The SDK's logger interface on our pino logger; its debug chatter stays off. */
function slackLogger(logger: Logger): SlackLogger {
  const line = (parts: unknown[]) => parts.map(String).join(' ');
  return {
    debug: () => undefined,
    info: (...parts: unknown[]) => logger.info({ component: 'slack-web-api' }, line(parts)),
    warn: (...parts: unknown[]) => logger.warn({ component: 'slack-web-api' }, line(parts)),
    error: (...parts: unknown[]) => logger.error({ component: 'slack-web-api' }, line(parts)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}
