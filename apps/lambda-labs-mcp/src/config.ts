import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** lambda-labs-mcp's own settings, all from the environment (or Pulumi ESC). */
export const lambdaLabsConfigSchema = z.object({
  LAMBDA_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  LAMBDA_API_URL: z.url(),
});

export type LambdaLabsConfig = z.output<typeof lambdaLabsConfigSchema>;
