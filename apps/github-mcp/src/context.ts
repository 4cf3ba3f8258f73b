import { randomUUID } from 'node:crypto';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { toolDefiner, type Logger, type ServerMetrics } from '@sophia/mcp-base';
import type { GithubConfig } from './config';

const GithubOctokit = Octokit.plugin(retry, throttling);
export type GithubClient = InstanceType<typeof GithubOctokit>;

export interface GithubContext {
  octokit: GithubClient;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineGithubTool = toolDefiner<GithubContext>();

/** The only place that reads the token. Octokit's own plugins do retries and rate limits. */
export function createGithubContext(
  config: GithubConfig,
  deps: { logger: Logger; metrics: ServerMetrics },
  version: string,
): GithubContext {
  const maxWait = config.GITHUB_MAX_RATE_LIMIT_WAIT_SECONDS;
  // Wait out short rate limits once; longer ones surface as rate_limited with Retry-After.
  const retryShortLimits = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
    retryCount === 0 && retryAfter <= maxWait;
  const octokit = new GithubOctokit({
    auth: config.GITHUB_TOKEN,
    baseUrl: config.GITHUB_API_URL.replace(/\/+$/, ''),
    userAgent: `sophia-github-mcp/${version}`,
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => deps.logger.warn(message),
      error: (message: string) => deps.logger.error(message),
    },
    // 429 belongs to the throttling plugin, which honours Retry-After; the retry plugin's own
    // backoff would hit a rate-limited API again within seconds.
    retry: {
      retryAfterBaseValue: config.GITHUB_RETRY_BASE_MS,
      retries: 2,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      // The plugin's pacing queues (writes 1 s apart, searches 2 s apart) are process-wide and
      // keyed by id: one id per context, so separate servers in one process (tests) don't queue
      // behind each other. A running server has exactly one context.
      id: randomUUID(),
      onRateLimit: retryShortLimits,
      onSecondaryRateLimit: retryShortLimits,
    },
  });
  octokit.hook.after('request', (response) => deps.metrics.recordUpstream(response.status));
  octokit.hook.error('request', (error) => {
    deps.metrics.recordUpstream((error as { status?: number }).status ?? 'error');
    throw error;
  });
  return { octokit };
}
