import { z } from 'zod';
import { ConfigError, envBoolean, envInt, envList, envOptionalBoolean, envSecret, parseEnv } from './env-schema';
import type { ServerManifest } from '@sophia/mcp-manifest';
import { auditDestinationEnv, type AuditSettings } from '../audit/audit-log';
import { clientTokensEnv, clientTokensOf, type ClientToken } from '../identity/client-tokens';
import { clientRateLimitEnv, type ClientRateLimitSpec } from '../limits/client-rate-limit';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The shortest bearer token accepted, MCP_AUTH_TOKEN and each of MCP_AUTH_TOKENS: a token anyone
 * could guess is no gate (32 hex characters are 128 bits).
 */
export const MIN_AUTH_TOKEN_LENGTH = 32;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Settings every server shares, all from the environment. Documented in libs/mcp-base/README.md. */
const baseConfigSchema = z.object({
  MCP_HOST: z.string().default('127.0.0.1'),
  // Unset: the manifest port. 0: any free port (tests).
  MCP_PORT: envInt(-1, 0),
  MCP_AUTH_TOKEN: envSecret(),
  // name:token pairs, one bearer identity per client: audit lines and rate limits name it.
  MCP_AUTH_TOKENS: clientTokensEnv(MIN_AUTH_TOKEN_LENGTH),
  MCP_AUDIT_LOG: auditDestinationEnv(),
  // Unset: LOG_LEVEL.
  MCP_AUDIT_LEVEL: z.enum(LOG_LEVELS).optional(),
  MCP_CLIENT_RATE_LIMIT: clientRateLimitEnv(),
  MCP_ALLOWED_HOSTS: envList(),
  MCP_ALLOWED_ORIGINS: envList(),
  // Unset: the manifest's writePolicy.readOnly.
  MCP_READ_ONLY: envOptionalBoolean(),
  MCP_ALLOW_DESTRUCTIVE: envBoolean(false),
  MCP_TOOLSETS: envList(),
  MCP_TOOLS: envList(),
  MCP_EXCLUDE_TOOLS: envList(),
  MCP_TOOL_TIMEOUT_MS: envInt(30_000),
  MCP_MAX_BODY_BYTES: envInt(1_048_576),
  MCP_MAX_RESULT_BYTES: envInt(262_144),
  MCP_SHUTDOWN_TIMEOUT_MS: envInt(10_000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export interface BaseConfig {
  host: string;
  port: number;
  authToken?: string;
  /** Every bearer identity: MCP_AUTH_TOKEN as "default", then MCP_AUTH_TOKENS. Empty: /mcp takes no token. */
  clientTokens: ClientToken[];
  audit: AuditSettings;
  /** Per-client token buckets by tool class (MCP_CLIENT_RATE_LIMIT); empty: no limit. */
  clientRateLimit: ClientRateLimitSpec;
  allowedHosts: string[];
  allowedOrigins: string[];
  readOnly: boolean;
  /** The write policy: tools annotated destructiveHint are served only when true (MCP_READ_ONLY still wins). */
  allowDestructive: boolean;
  toolsets: string[];
  tools: string[];
  /** Never served, whatever MCP_TOOLSETS / MCP_TOOLS say (read-only still wins). */
  excludeTools: string[];
  toolTimeoutMs: number;
  maxBodyBytes: number;
  maxResultBytes: number;
  shutdownTimeoutMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
}

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

export function parseBaseConfig(env: Record<string, string | undefined>, manifest: ServerManifest): BaseConfig {
  const raw = parseEnv(baseConfigSchema, env);
  const config: BaseConfig = {
    host: raw.MCP_HOST,
    port: raw.MCP_PORT === -1 ? manifest.port : raw.MCP_PORT,
    authToken: raw.MCP_AUTH_TOKEN,
    clientTokens: clientTokensOf(raw.MCP_AUTH_TOKEN, raw.MCP_AUTH_TOKENS),
    audit: { destination: raw.MCP_AUDIT_LOG, level: raw.MCP_AUDIT_LEVEL ?? raw.LOG_LEVEL },
    clientRateLimit: raw.MCP_CLIENT_RATE_LIMIT,
    allowedHosts: raw.MCP_ALLOWED_HOSTS.length ? raw.MCP_ALLOWED_HOSTS : LOOPBACK_HOSTNAMES,
    allowedOrigins: raw.MCP_ALLOWED_ORIGINS.length ? raw.MCP_ALLOWED_ORIGINS : LOOPBACK_HOSTNAMES,
    readOnly: raw.MCP_READ_ONLY ?? manifest.writePolicy.readOnly,
    allowDestructive: allowsDestructive(env, manifest, raw.MCP_ALLOW_DESTRUCTIVE),
    toolsets: raw.MCP_TOOLSETS,
    tools: raw.MCP_TOOLS,
    excludeTools: raw.MCP_EXCLUDE_TOOLS,
    toolTimeoutMs: raw.MCP_TOOL_TIMEOUT_MS,
    maxBodyBytes: raw.MCP_MAX_BODY_BYTES,
    maxResultBytes: raw.MCP_MAX_RESULT_BYTES,
    shutdownTimeoutMs: raw.MCP_SHUTDOWN_TIMEOUT_MS,
    logLevel: raw.LOG_LEVEL,
  };
  if (config.authToken !== undefined && config.authToken.length < MIN_AUTH_TOKEN_LENGTH) {
    throw new ConfigError(
      `MCP_AUTH_TOKEN is ${config.authToken.length} characters; it must be at least ${MIN_AUTH_TOKEN_LENGTH}. ` +
        'Make one with `openssl rand -hex 32`.',
    );
  }
  // Anything reachable beyond this machine must authenticate its callers.
  if (!isLoopbackHost(config.host) && !config.clientTokens.length) {
    throw new ConfigError(
      `MCP_AUTH_TOKEN is required when MCP_HOST=${config.host} (binding beyond loopback). ` +
        'Set MCP_AUTH_TOKEN (or named client tokens in MCP_AUTH_TOKENS), or bind to 127.0.0.1.',
    );
  }
  return config;
}

/**
 * The fleet's write policy: the manifest's default (`writePolicy.destructive`), switched on by
 * MCP_ALLOW_DESTRUCTIVE=true or by any of the server's older names for it (`writePolicy.legacyEnv`).
 */
function allowsDestructive(env: Record<string, string | undefined>, manifest: ServerManifest, fleetSwitch: boolean): boolean {
  if (manifest.writePolicy.destructive === 'on' || fleetSwitch) return true;
  const legacy = z.object(Object.fromEntries(manifest.writePolicy.legacyEnv.map((name) => [name, envBoolean(false)])));
  return Object.values(parseEnv(legacy, env)).some(Boolean);
}
