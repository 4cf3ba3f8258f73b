import { ToolError, UpstreamClient, toolDefiner, type ServerMetrics } from '@sophia/mcp-base';
import { keyPairJwt, readPrivateKey, staticToken, type CredentialSource } from './auth';
import type { SnowflakeConfig } from './config';
import { SnowflakeApi } from './snowflake-api';

export interface SnowflakeContext {
  snowflake: SnowflakeApi;
  /** SNOWFLAKE_ALLOW_WRITES: execute_sql refuses to run without it. */
  allowWrites: boolean;
  /** SNOWFLAKE_MAX_CELL_CHARS */
  maxCellChars: number;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineSnowflakeTool = toolDefiner<SnowflakeContext>();

const CREDENTIAL_OPTIONS =
  'key-pair auth: SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY (PKCS#8 PEM; SNOWFLAKE_PRIVATE_KEY_PASSPHRASE if encrypted), ' +
  'or token auth: SNOWFLAKE_TOKEN (programmatic access token or OAuth token)';

/**
 * The only place that reads credentials. The base calls it once SNOWFLAKE_ACCOUNT (the
 * manifest's one required secret) is set; a missing or unreadable credential turns every
 * call into not_configured naming both options, instead of stopping the server.
 */
export function createSnowflakeContext(config: SnowflakeConfig, deps: { metrics: ServerMetrics }): SnowflakeContext {
  const http = new UpstreamClient({
    service: 'Snowflake',
    baseUrl: config.SNOWFLAKE_API_URL ?? 'https://snowflake.invalid',
    metrics: deps.metrics,
    retries: config.SNOWFLAKE_RETRIES,
    maxRetryAfterMs: config.SNOWFLAKE_MAX_RETRY_AFTER_MS,
    retryDelayMs: config.SNOWFLAKE_RETRY_DELAY_MS,
    timeoutMs: config.SNOWFLAKE_TIMEOUT_MS,
  });
  const snowflake = new SnowflakeApi(http, credentialSource(config), {
    defaults: {
      warehouse: config.SNOWFLAKE_WAREHOUSE,
      role: config.SNOWFLAKE_ROLE,
      database: config.SNOWFLAKE_DATABASE,
      schema: config.SNOWFLAKE_SCHEMA,
    },
    statementTimeoutSeconds: config.SNOWFLAKE_STATEMENT_TIMEOUT_SECONDS,
    maxWaitMs: config.SNOWFLAKE_MAX_WAIT_MS,
    pollIntervalMs: config.SNOWFLAKE_POLL_INTERVAL_MS,
    userAgent: 'sophia-snowflake-mcp/0.1.0',
  });
  return { snowflake, allowWrites: config.SNOWFLAKE_ALLOW_WRITES, maxCellChars: config.SNOWFLAKE_MAX_CELL_CHARS };
}

/** Key pair when a private key is set (it wins), else the token, else an error on every call. */
function credentialSource(config: SnowflakeConfig): CredentialSource {
  const account = config.SNOWFLAKE_ACCOUNT ?? '';
  if (config.SNOWFLAKE_PRIVATE_KEY) {
    if (!config.SNOWFLAKE_USER) return failing(ToolError.notConfigured('Snowflake', ['SNOWFLAKE_USER'], 'Key-pair auth needs the user the public key is registered to.'));
    try {
      const privateKey = readPrivateKey(config.SNOWFLAKE_PRIVATE_KEY, config.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE);
      return keyPairJwt({ account, user: config.SNOWFLAKE_USER, privateKey });
    } catch (error) {
      const reason = (error as Error).message;
      return failing(
        new ToolError(
          'not_configured',
          `Snowflake is not configured: SNOWFLAKE_PRIVATE_KEY could not be read (${reason}). ` +
            'It must be a PKCS#8 PEM key; set SNOWFLAKE_PRIVATE_KEY_PASSPHRASE for an encrypted one.',
        ),
      );
    }
  }
  if (config.SNOWFLAKE_TOKEN) return staticToken(config.SNOWFLAKE_TOKEN, config.SNOWFLAKE_TOKEN_TYPE);
  return failing(new ToolError('not_configured', `Snowflake is not configured: set ${CREDENTIAL_OPTIONS}.`));
}

function failing(error: ToolError): CredentialSource {
  return {
    credentials: () => Promise.reject(error),
    invalidate: () => undefined,
  };
}
