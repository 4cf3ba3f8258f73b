import { ToolError, UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import { keyPairJwt, readPrivateKey, staticToken, type CredentialSource } from './auth';
import type { SnowflakeConfig } from './config';
import { SnowflakeApi } from './snowflake-api';

export interface SnowflakeContext {
  snowflake: SnowflakeApi;
  /** SNOWFLAKE_MAX_CELL_CHARS */
  maxCellChars: number;
  /** What ask_cortex_analyst asks about when a call names nothing (SNOWFLAKE_CORTEX_SEMANTIC_VIEW / _MODEL_FILE). */
  cortexDefaults: { semanticView?: string; semanticModelFile?: string };
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineSnowflakeTool = toolDefiner<SnowflakeContext, SnowflakeConfig>();

/**
 * The only place that reads credentials. The base calls it once the manifest's declaration is met:
 * SNOWFLAKE_ACCOUNT and one credential alternative (key pair or token). An unreadable key turns
 * every call into not_configured saying why, instead of stopping the server.
 */
export function createSnowflakeContext(config: SnowflakeConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): SnowflakeContext {
  const http = new UpstreamClient({
    service: 'Snowflake',
    baseUrl: config.SNOWFLAKE_API_URL ?? 'https://snowflake.invalid',
    fetch: deps.upstreamFetch('Snowflake'),
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
  return {
    snowflake,
    maxCellChars: config.SNOWFLAKE_MAX_CELL_CHARS,
    cortexDefaults: {
      semanticView: config.SNOWFLAKE_CORTEX_SEMANTIC_VIEW,
      semanticModelFile: config.SNOWFLAKE_CORTEX_SEMANTIC_MODEL_FILE,
    },
  };
}

/** The key pair when complete (it wins), else the token (the base guarantees one of them). */
function credentialSource(config: SnowflakeConfig): CredentialSource {
  const account = config.SNOWFLAKE_ACCOUNT ?? '';
  if (config.SNOWFLAKE_PRIVATE_KEY && config.SNOWFLAKE_USER) {
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
  return staticToken(config.SNOWFLAKE_TOKEN ?? '', config.SNOWFLAKE_TOKEN_TYPE);
}

function failing(error: ToolError): CredentialSource {
  return {
    credentials: () => Promise.reject(error),
    invalidate: () => undefined,
  };
}
