import { RequestError } from '@octokit/request-error';
import { ToolError, parseRetryAfter, toolErrorFromStatus, type RateLimitAnswer } from '@sophia/mcp-base';

/** Octokit's RequestError → ToolError, once for every tool. */
export function githubErrorToToolError(error: unknown): ToolError | undefined {
  if (!(error instanceof RequestError)) return undefined;
  const headers = error.response?.headers ?? {};
  if (error.status === 500 && !error.response) {
    // Octokit reports network failures as status 500 without a response.
    return new ToolError('upstream_error', `could not reach GitHub: ${error.message}`, { cause: error });
  }
  const data = error.response?.data as { message?: string; errors?: ValidationDetail[] } | undefined;
  const details = (Array.isArray(data?.errors) ? data.errors : []).map(describeDetail).filter(Boolean);
  // The parts are joined with "; " into one sentence, so their own full stops go.
  const message = [data?.message ?? error.message, ...details].map((part) => part.replace(/\.+$/, '')).join('; ');
  if (error.status === 405) {
    // GitHub's answer when the state forbids the operation, e.g. a pull request that is not mergeable.
    return new ToolError('conflict', `GitHub refused it in the current state (HTTP 405): ${message}.`, { status: 405, cause: error });
  }
  if (error.status === 410) {
    // e.g. job logs past the repository's retention, or a repository's issues turned off.
    return new ToolError('not_found', `GitHub says it is gone (HTTP 410): ${message}.`, { status: 410, cause: error });
  }
  return toolErrorFromStatus({
    service: 'GitHub',
    status: error.status,
    message,
    retryAfterSeconds: retryAfterSeconds(headers),
    quotaExhausted: headers['x-ratelimit-remaining'] === '0',
  });
}

/**
 * GitHub's rate-limit answers, for the base's upstream fetch: a 429, or a 403 that is a
 * secondary limit (Retry-After) or an exhausted primary quota (x-ratelimit-remaining: 0 with
 * x-ratelimit-reset). The fetch waits out a short one and fails fast with rate_limited naming a long one.
 */
export function githubRateLimit(response: Response): RateLimitAnswer | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const wait = retryAfterSeconds(Object.fromEntries(response.headers));
  return response.status === 429 || wait !== undefined ? { retryAfterSeconds: wait } : undefined;
}

/**
 * Secondary limits send Retry-After; an exhausted primary quota only says when it resets
 * (x-ratelimit-reset, epoch seconds), so the wait is computed from that.
 */
function retryAfterSeconds(headers: Record<string, unknown>): number | undefined {
  const retryAfter = parseRetryAfter(headers['retry-after'] as string | undefined);
  if (retryAfter !== undefined || headers['x-ratelimit-remaining'] !== '0') return retryAfter;
  const reset = Number(headers['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : undefined;
}

/** One entry of a 422's `errors`: a string, or { resource, field, code, value, message }. */
type ValidationDetail = string | { message?: string; field?: string; code?: string; value?: unknown };

function describeDetail(item: ValidationDetail): string {
  if (typeof item === 'string') return item;
  if (item.message) return item.message;
  const value = typeof item.value === 'string' || typeof item.value === 'number' ? ` (${item.value})` : '';
  return `${[item.field, item.code].filter(Boolean).join(' ')}${value}`;
}
