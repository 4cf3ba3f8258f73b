import { Octokit } from '@octokit/rest';
import { ToolError, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { GithubConfig } from './config';
import { githubRateLimit } from './github-errors';

export type GithubClient = Octokit;

export interface GithubContext {
  octokit: GithubClient;
  /**
   * Reads a download URL GitHub redirected to (job logs live in blob storage for a minute), through
   * the same upstream fetch as the API calls but without the token: the storage URL is pre-signed.
   */
  download(url: string, signal: AbortSignal): Promise<string>;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineGithubTool = toolDefiner<GithubContext>();

/**
 * The only place that reads the token. One Octokit for the process: its requests go through the
 * base's upstream fetch, which binds each to the tool call that made it and applies the fleet's
 * one retry policy (with GitHub's rate-limit answers, see githubRateLimit). No client-side pacing:
 * GitHub says when to slow down, and a call that cannot wait that long hears rate_limited at once.
 */
export function createGithubContext(
  config: GithubConfig,
  deps: Pick<ContextDeps, 'logger' | 'upstreamFetch'>,
  version: string,
): GithubContext {
  const fetch = deps.upstreamFetch('GitHub', { rateLimit: githubRateLimit });
  const octokit = new Octokit({
    auth: config.GITHUB_TOKEN,
    baseUrl: config.GITHUB_API_URL.replace(/\/+$/, ''),
    userAgent: `sophia-github-mcp/${version}`,
    request: { fetch },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => deps.logger.warn(message),
      error: (message: string) => logFailedRequest(deps.logger, message),
    },
  });
  // Octokit hands back the raw text when it cannot parse a JSON answer (e.g. a body of many MB):
  // a tool would then read fields of a string. Such an answer is GitHub's failure, not ours.
  octokit.hook.after('request', (response, options) => {
    const accept = String(options.headers['accept'] ?? '');
    // A redirect (asked for with redirect: 'manual') has no JSON body to read.
    if (response.status < 300 && typeof response.data === 'string' && accept.includes('json')) {
      throw new ToolError(
        'upstream_error',
        `GitHub answered ${options.method} ${options.url} with a body that is not readable JSON (${response.data.length} characters).`,
      );
    }
  });
  return { octokit, download: (url, signal) => downloadText(fetch, url, signal) };
}

async function downloadText(fetch: typeof globalThis.fetch, url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { headers: { accept: 'text/plain' }, signal });
  if (!response.ok) {
    throw new ToolError(
      response.status === 404 || response.status === 410 ? 'not_found' : 'upstream_error',
      `GitHub's download link answered HTTP ${response.status} (${new URL(url).host}); links expire after a minute, so call the tool again.`,
    );
  }
  return response.text();
}

/**
 * Octokit's request log reports every non-2xx answer as an error ("GET /x - 404 with id … in 5ms").
 * A 4xx is GitHub answering the caller (the tool call's own log line carries the outcome): debug.
 * A 5xx or no answer at all is GitHub failing: warn.
 */
function logFailedRequest(logger: ContextDeps['logger'], message: string): void {
  const status = Number(/ - (\d{3}) with id /.exec(message)?.[1]);
  if (status >= 400 && status < 500) logger.debug(message);
  else logger.warn(message);
}
