import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** github-mcp's own settings, all from the environment (or Pulumi ESC). */
export const githubConfigSchema = z.object({
  GITHUB_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  GITHUB_API_URL: z.url(),
});

export type GithubConfig = z.output<typeof githubConfigSchema>;
