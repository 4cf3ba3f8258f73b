import { z } from 'zod';
import { envInt, parseEnv } from '../config/env-schema';

/** How every server talks to its upstream. One scheme for the fleet; documented in libs/mcp-base/README.md. */
export interface UpstreamSettings {
  /** One attempt, from sending the request to the last byte of the answer. */
  timeoutMs: number;
  /** Retries of a read after 429/502/503/504 or a dropped connection. Writes are never retried. */
  retries: number;
  /** Longest Retry-After waited out inside a call; a longer one fails at once as rate_limited naming the wait. */
  maxRetryAfterMs: number;
  /** First backoff of a retry without Retry-After; doubles per attempt, with jitter. */
  retryDelayMs: number;
}

const upstreamSettingsSchema = z.object({
  MCP_UPSTREAM_TIMEOUT_MS: envInt(20_000),
  MCP_UPSTREAM_RETRIES: envInt(2, 0),
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: envInt(2_000, 0),
  MCP_UPSTREAM_RETRY_DELAY_MS: envInt(300, 0),
});

export function parseUpstreamSettings(env: Record<string, string | undefined>): UpstreamSettings {
  const raw = parseEnv(upstreamSettingsSchema, env);
  return {
    timeoutMs: raw.MCP_UPSTREAM_TIMEOUT_MS,
    retries: raw.MCP_UPSTREAM_RETRIES,
    maxRetryAfterMs: raw.MCP_UPSTREAM_MAX_RETRY_AFTER_MS,
    retryDelayMs: raw.MCP_UPSTREAM_RETRY_DELAY_MS,
  };
}
