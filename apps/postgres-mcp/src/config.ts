import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** postgres-mcp's own settings, all from the environment (or Pulumi ESC). */
export const postgresConfigSchema = z.object({
  DATABASE_URL: envSecret(),
  POSTGRES_API_URL: z.url().default('https://postgres.invalid'),
});

export type PostgresConfig = z.output<typeof postgresConfigSchema>;
