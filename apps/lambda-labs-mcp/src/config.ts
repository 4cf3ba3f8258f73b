import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** A price in US dollars per hour; unset or empty means "no cap", which keeps launch_instance refusing. */
const hourlyUsd = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) {
      ctx.addIssue({ code: 'custom', message: `expected a price in USD per hour above 0, e.g. 2.50, got "${value}"` });
      return z.NEVER;
    }
    return parsed;
  });

/** lambda-labs-mcp's own settings, all from the environment (or Pulumi ESC). */
export const lambdaLabsConfigSchema = z.object({
  LAMBDA_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  LAMBDA_API_URL: z.url(),
  LAMBDA_MAX_HOURLY_USD: hourlyUsd,
});

export type LambdaLabsConfig = z.output<typeof lambdaLabsConfigSchema>;
