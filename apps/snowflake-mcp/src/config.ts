import { envBoolean, envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

const optionalText = () =>
  z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

/** snowflake-mcp's own settings, all from the environment (or Pulumi ESC). */
export const snowflakeConfigSchema = z
  .object({
    /** Account identifier: `myorg-myaccount` or a locator such as `xy12345.us-east-2.aws`. */
    SNOWFLAKE_ACCOUNT: envSecret(),
    SNOWFLAKE_USER: envSecret(),
    /** Key-pair auth: the PKCS#8 PEM private key (`\n` escapes are accepted). */
    SNOWFLAKE_PRIVATE_KEY: envSecret(),
    /** Passphrase of an encrypted PKCS#8 key (`BEGIN ENCRYPTED PRIVATE KEY`). */
    SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: envSecret(),
    /** Token auth: a programmatic access token or an OAuth access token. */
    SNOWFLAKE_TOKEN: envSecret(),
    /** X-Snowflake-Authorization-Token-Type for SNOWFLAKE_TOKEN; unset lets Snowflake detect it. */
    SNOWFLAKE_TOKEN_TYPE: z.enum(['PROGRAMMATIC_ACCESS_TOKEN', 'OAUTH']).optional(),
    /** Default: https://<account>.snowflakecomputing.com (computed below). */
    SNOWFLAKE_API_URL: z.url().optional(),
    SNOWFLAKE_WAREHOUSE: optionalText(),
    SNOWFLAKE_ROLE: optionalText(),
    SNOWFLAKE_DATABASE: optionalText(),
    SNOWFLAKE_SCHEMA: optionalText(),
    /** Snowflake-side statement timeout (request body `timeout`). */
    SNOWFLAKE_STATEMENT_TIMEOUT_SECONDS: envInt(300),
    /** How long run_query polls a running statement before answering with its handle. */
    SNOWFLAKE_MAX_WAIT_MS: envInt(20_000, 0),
    /** First delay between status polls (doubles up to 2 s). */
    SNOWFLAKE_POLL_INTERVAL_MS: envInt(250),
    /** Longest text cell returned before it is cut with a marker. */
    SNOWFLAKE_MAX_CELL_CHARS: envInt(2_000),
    /** Serves ask_cortex_analyst (text-to-SQL through Cortex Analyst's REST API); off by default. */
    SNOWFLAKE_CORTEX_ANALYST: envBoolean(false),
    /** Semantic view ask_cortex_analyst uses when a call names none: DATABASE.SCHEMA.VIEW. */
    SNOWFLAKE_CORTEX_SEMANTIC_VIEW: optionalText(),
    /** Or a semantic model YAML on a stage: @DATABASE.SCHEMA.STAGE/path/model.yaml. */
    SNOWFLAKE_CORTEX_SEMANTIC_MODEL_FILE: optionalText(),
  })
  .transform((config) => ({
    ...config,
    SNOWFLAKE_API_URL: config.SNOWFLAKE_API_URL ?? defaultApiUrl(config.SNOWFLAKE_ACCOUNT),
  }));

export type SnowflakeConfig = z.output<typeof snowflakeConfigSchema>;

/**
 * `https://<account>.snowflakecomputing.com`. Hostnames cannot carry underscores, so an
 * account name such as `myorg-my_account` becomes `myorg-my-account` (Snowflake's own rule).
 */
export function defaultApiUrl(account: string | undefined): string | undefined {
  if (!account) return undefined;
  const host = account.toLowerCase().replace(/\.snowflakecomputing\.com$/, '').replace(/_/g, '-');
  return `https://${host}.snowflakecomputing.com`;
}
