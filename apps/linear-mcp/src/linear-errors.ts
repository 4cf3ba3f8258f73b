import { LinearError } from '@linear/sdk';
import { ToolError, parseRetryAfter, toolErrorFromStatus, type RateLimitAnswer } from '@sophia/mcp-base';

/**
 * What went wrong with one Linear request, in HTTP terms. Linear reports most failures as
 * GraphQL `errors` (often with HTTP 200 or 400), so the status here is the one the error
 * means, taken from `extensions.code` / `extensions.statusCode` before the HTTP status.
 */
export interface LinearFailure {
  status: number;
  message: string | undefined;
  /** A missing entity: Linear says "Entity not found: Issue" with an INPUT_ERROR code. */
  notFound: boolean;
  retryAfterSeconds: number | undefined;
}

/** Linear's documented `extensions.code` values and the HTTP status each one means. */
const STATUS_BY_CODE: Record<string, number> = {
  RATELIMITED: 429,
  AUTHENTICATION_ERROR: 401,
  FORBIDDEN: 403,
  FEATURE_NOT_ACCESSIBLE: 403,
  INPUT_ERROR: 400,
  INVALID_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
};

interface RawGraphqlError {
  message?: string;
  extensions?: { code?: string; statusCode?: number; userError?: boolean; userPresentableMessage?: string };
}

/** Reads a LinearError (what the SDK's GraphQL client throws); anything else is not ours. */
export function describeLinearFailure(error: unknown): LinearFailure | undefined {
  if (!(error instanceof LinearError)) return undefined;
  const response = error.raw?.response;
  const first = (response?.errors as RawGraphqlError[] | undefined)?.[0];
  const code = first?.extensions?.code;
  const declared = (code ? STATUS_BY_CODE[code] : undefined) ?? first?.extensions?.statusCode ?? error.status;
  // An error with no usable status (e.g. HTTP 200 with an unknown code): blame the input only if Linear does.
  const status = declared && declared >= 400 ? declared : first?.extensions?.userError ? 400 : 502;
  const message = first
    ? (first.extensions?.userPresentableMessage ?? first.message)
    : shortText(response?.error);
  return {
    status,
    message,
    notFound: /^Entity not found\b/i.test(first?.message ?? ''),
    retryAfterSeconds: status === 429 ? retryAfterSeconds(response?.headers) : undefined,
  };
}

/** LinearError → ToolError, once for every tool (the base calls it for anything a tool throws). */
export function linearErrorToToolError(error: unknown): ToolError | undefined {
  const failure = describeLinearFailure(error);
  if (!failure) return undefined;
  if (failure.notFound) {
    // Linear answers a missing entity with HTTP 200/400 and an INPUT_ERROR, not a 404.
    return new ToolError('not_found', `Linear found nothing there: ${trimStop(failure.message)}.`, {
      status: failure.status,
    });
  }
  return toolErrorFromStatus({
    service: 'Linear',
    status: failure.status,
    message: failure.message,
    retryAfterSeconds: failure.retryAfterSeconds,
  });
}

/**
 * Linear's rate-limit answers, for the base's upstream fetch: HTTP 429, or a GraphQL RATELIMITED
 * (HTTP 400) that shows as an exhausted budget in the x-ratelimit-* headers. The fetch waits out a
 * short one and fails fast with rate_limited naming a long one.
 */
export function linearRateLimit(response: Response): RateLimitAnswer | undefined {
  const exhausted = ['requests', 'complexity'].some((budget) => response.headers.get(`x-ratelimit-${budget}-remaining`) === '0');
  if (response.status !== 429 && !(response.status === 400 && exhausted)) return undefined;
  return { retryAfterSeconds: retryAfterSeconds(response.headers) };
}

/**
 * Retry-After when Linear sends it; otherwise the time until the exhausted budget resets.
 * Linear's x-ratelimit-*-reset headers are epoch milliseconds (seconds accepted too).
 */
function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const retryAfter = parseRetryAfter(headers?.get('retry-after'));
  if (retryAfter !== undefined || !headers) return retryAfter;
  for (const budget of ['requests', 'complexity']) {
    if (headers.get(`x-ratelimit-${budget}-remaining`) !== '0') continue;
    const reset = Number(headers.get(`x-ratelimit-${budget}-reset`));
    if (!Number.isFinite(reset) || reset <= 0) continue;
    const resetMs = reset > 1e12 ? reset : reset * 1000;
    return Math.max(0, Math.ceil((resetMs - Date.now()) / 1000));
  }
  return undefined;
}

/** A plain-text error body (e.g. a proxy's 502 page) is worth quoting only when short. */
function shortText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed && trimmed.length <= 200 && !trimmed.startsWith('<') ? trimmed : undefined;
}

const trimStop = (text: string | undefined) => (text ?? 'not found').trim().replace(/\.+$/, '');
