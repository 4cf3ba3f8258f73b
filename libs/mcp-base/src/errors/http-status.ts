import { ToolError } from './tool-error';

export interface UpstreamFailure {
  /** Human name of the upstream, e.g. "GitHub". */
  service: string;
  status: number;
  /** The upstream's own error message, if it sent one. */
  message?: string;
  retryAfterSeconds?: number;
  /** True when the upstream says the caller's quota is used up (e.g. x-ratelimit-remaining: 0). */
  quotaExhausted?: boolean;
}

/** Maps an upstream HTTP failure to the precise ToolError kind. Shared by every vendor client. */
export function toolErrorFromStatus(failure: UpstreamFailure): ToolError {
  const { service, status, retryAfterSeconds } = failure;
  // Our sentences end with a full stop; drop the upstream's own so it never doubles.
  const upstreamMessage = failure.message?.trim().replace(/[.\s]+$/, '');
  const said = upstreamMessage ? `: ${upstreamMessage}` : '';
  const details = { status, retryAfterSeconds };
  if (status === 429 || (status === 403 && (retryAfterSeconds !== undefined || failure.quotaExhausted))) {
    return new ToolError('rate_limited', `${service} rate limit reached (HTTP ${status})${said}.`, details);
  }
  switch (status) {
    case 400:
    case 422:
      return new ToolError('invalid_input', `${service} rejected the request (HTTP ${status})${said}.`, details);
    case 402:
      return new ToolError('forbidden', `${service} requires a paid plan for this (HTTP 402)${said}.`, details);
    case 401:
      return new ToolError('unauthorized', `${service} rejected the credentials (HTTP 401)${said}. Check the token.`, details);
    case 403:
      return new ToolError('forbidden', `${service} denied access (HTTP 403)${said}.`, details);
    case 404:
      return new ToolError('not_found', `${service} found nothing there (HTTP 404)${said}.`, details);
    case 409:
      return new ToolError('conflict', `${service} reported a conflict (HTTP 409)${said}.`, details);
    case 408:
    case 504:
      return new ToolError('timeout', `${service} timed out (HTTP ${status})${said}.`, details);
    default:
      return new ToolError('upstream_error', `${service} failed (HTTP ${status})${said}.`, details);
  }
}

/** Parses a Retry-After header (delta-seconds or HTTP-date) into whole seconds. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
