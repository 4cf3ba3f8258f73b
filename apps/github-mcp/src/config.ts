import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** github-mcp's own settings, all from the environment (or Pulumi ESC). */
export const githubConfigSchema = z.object({
  GITHUB_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  GITHUB_API_URL: z.url(),
  /** Base delay of Octokit's retry plugin for 5xx answers; tests shorten it. */
  GITHUB_RETRY_BASE_MS: envInt(1000),
  /** Longest rate-limit wait (Retry-After) worth absorbing in a call; longer ones become rate_limited errors. */
  GITHUB_MAX_RATE_LIMIT_WAIT_SECONDS: envInt(5, 0),
});

export type GithubConfig = z.output<typeof githubConfigSchema>;
