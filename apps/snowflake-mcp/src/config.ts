import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** snowflake-mcp's own settings, all from the environment (or Pulumi ESC). */
export const snowflakeConfigSchema = z.object({
  SNOWFLAKE_TOKEN: envSecret(),
  SNOWFLAKE_API_URL: z.url().default('https://account.snowflakecomputing.com'),
});

export type SnowflakeConfig = z.output<typeof snowflakeConfigSchema>;
