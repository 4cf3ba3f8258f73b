import { setTimeout as sleep } from 'node:timers/promises';
import { ToolError, parseRetryAfter, type ServerMetrics } from '@sophia/mcp-base';
import type { Client } from '@notionhq/client';

/** The `fetch` option of the Notion SDK's Client. */
export type NotionFetch = NonNullable<NonNullable<ConstructorParameters<typeof Client>[0]>['fetch']>;

export interface RetryPolicy {
  /** A 429 whose Retry-After is at most this is waited out once; anything longer is returned at once. */
  maxRetryAfterSeconds: number;
  /** 5xx answers on reads are retried twice, after 1x and 2x this. */
  retryBaseMs: number;
}

const SERVER_ERROR_RETRIES = 2;
const RETRYABLE_SERVER_ERRORS = new Set([500, 502, 503, 504]);

/**
 * Notion reads that travel as POST (search, data source query): retrying them is as safe as a GET.
 * Page, block and comment POSTs/PATCHes are writes and are never retried after a 5xx.
 */
const READ_ONLY_POST = /\/v1\/(search|data_sources\/[^/]+\/query)$/;

/**
 * The fetch the SDK uses for one tool call. It carries the call's AbortSignal (the SDK has no
 * per-request signal option), records upstream metrics, and applies our retry policy. The SDK's
 * own retry is switched off because it retries every 429, clamping long Retry-After waits,
 * while users rely on "one retry when Retry-After <= 2 s, else a clear rate_limited error".
 */
export function createNotionFetch(signal: AbortSignal, policy: RetryPolicy, metrics: ServerMetrics): NotionFetch {
  return async (url, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const retriesServerErrors = method === 'GET' || (method === 'POST' && READ_ONLY_POST.test(new URL(url).pathname));
    let rateLimitWaited = false;
    let serverErrorRetries = 0;
    for (;;) {
      const response = await send(url, { method, headers: init.headers, body: init.body, signal }, metrics);
      if (response.status === 429 && !rateLimitWaited) {
        const waitSeconds = parseRetryAfter(response.headers.get('retry-after'));
        if (waitSeconds !== undefined && waitSeconds <= policy.maxRetryAfterSeconds) {
          rateLimitWaited = true;
          await response.text(); // drain it, so the connection is reused
          await sleep(waitSeconds * 1000, undefined, { signal });
          continue;
        }
      }
      if (retriesServerErrors && RETRYABLE_SERVER_ERRORS.has(response.status) && serverErrorRetries < SERVER_ERROR_RETRIES) {
        await response.text(); // drain it, so the connection is reused
        await sleep(policy.retryBaseMs * 2 ** serverErrorRetries, undefined, { signal });
        serverErrorRetries += 1;
        continue;
      }
      return response;
    }
  };
}

async function send(url: string, init: RequestInit, metrics: ServerMetrics): Promise<Response> {
  try {
    const response = await fetch(url, init);
    metrics.recordUpstream(response.status);
    return response;
  } catch (error) {
    metrics.recordUpstream('error');
    // An aborted call is the base's business (timeout or cancel); anything else is the network.
    if (init.signal?.aborted) throw error;
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new ToolError('upstream_error', `could not reach Notion: ${reason}`, { cause: error });
  }
}
