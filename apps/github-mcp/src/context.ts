import { Octokit } from '@octokit/rest';
import { ToolError, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { GithubConfig } from './config';
import { githubRateLimit } from './github-errors';

export type GithubClient = Octokit;

export interface GithubContext {
  octokit: GithubClient;
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
  const octokit = new Octokit({
    auth: config.GITHUB_TOKEN,
    baseUrl: config.GITHUB_API_URL.replace(/\/+$/, ''),
    userAgent: `sophia-github-mcp/${version}`,
    request: { fetch: deps.upstreamFetch('GitHub', { rateLimit: githubRateLimit }) },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => deps.logger.warn(message),
      error: (message: string) => deps.logger.error(message),
    },
  });
  // Octokit hands back the raw text when it cannot parse a JSON answer (e.g. a body of many MB):
  // a tool would then read fields of a string. Such an answer is GitHub's failure, not ours.
  octokit.hook.after('request', (response, options) => {
    const accept = String(options.headers['accept'] ?? '');
    if (typeof response.data === 'string' && accept.includes('json')) {
      throw new ToolError(
        'upstream_error',
        `GitHub answered ${options.method} ${options.url} with a body that is not readable JSON (${response.data.length} characters).`,
      );
    }
  });
  return { octokit };
}
