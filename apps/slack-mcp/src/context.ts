import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import { toolDefiner, type Logger, type ServerMetrics } from '@sophia/mcp-base';
import { callFetch } from './call-fetch';
import type { SlackConfig } from './config';
import { NameDirectory } from './names';

/** Bot tokens (xoxb-) and user tokens (xoxp-), also in their rotating form (xoxe.xoxp-…). */
export type TokenKind = 'bot' | 'user' | 'other';

/** What one tool call works with: a WebClient bound to the call, and its name cache. */
export interface SlackCall {
  client: WebClient;
  names: NameDirectory;
}

export interface SlackContext {
  /**
   * Opens the Slack client for one tool call. Reads retry 5xx and network failures and wait
   * out one short rate limit; `write: true` sends the request exactly once, because a retried
   * chat.postMessage after a 5xx could post the message twice.
   */
  slack(signal: AbortSignal, options?: { write?: boolean }): SlackCall;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineSlackTool = toolDefiner<SlackContext, SlackConfig>();

/** Retries of a failed read; the wait of each is SLACK_RETRY_BASE_MS doubled per retry. */
const READ_RETRIES = 2;

/**
 * The only place that reads the token. A WebClient is cheap (a queue and a few fields), so each
 * tool call gets its own: the call's signal reaches every request, a rate-limit pause of the
 * SDK's queue holds up only that call, and the name cache lives exactly as long as the call.
 */
export function createSlackContext(config: SlackConfig, deps: { logger: Logger; metrics: ServerMetrics }): SlackContext {
  const logger = slackLogger(deps.logger);
  return {
    slack(signal, { write = false } = {}) {
      const client = new WebClient(config.SLACK_TOKEN, {
        slackApiUrl: config.SLACK_API_URL,
        logger,
        // A method name can never send the token anywhere but SLACK_API_URL.
        allowAbsoluteUrls: false,
        maxRequestConcurrency: 8,
        retryConfig: write
          ? { retries: 0 }
          : { retries: READ_RETRIES, factor: 2, minTimeout: config.SLACK_RETRY_BASE_MS, randomize: false },
        // Rate limits go through the SDK's own wait-and-retry; callFetch bounds the wait.
        rejectRateLimitedCalls: false,
        fetch: callFetch({
          signal,
          metrics: deps.metrics,
          maxWaitSeconds: write ? 0 : config.SLACK_MAX_RATE_LIMIT_WAIT_SECONDS,
        }),
      });
      return { client, names: new NameDirectory(client) };
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
