import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** gong-mcp's own settings, all from the environment (or Pulumi ESC). */
export const gongConfigSchema = z.object({
  GONG_ACCESS_KEY: envSecret(),
  GONG_ACCESS_SECRET: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  GONG_API_URL: z.url(),
  GONG_MAX_REQUESTS_PER_SECOND: envInt(3),
});

export type GongConfig = z.output<typeof gongConfigSchema>;
