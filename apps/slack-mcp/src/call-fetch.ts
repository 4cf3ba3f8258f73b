import type { FetchFunction } from '@slack/web-api';
import type { ServerMetrics } from '@sophia/mcp-base';

export interface CallFetchOptions {
  /** The tool call's signal: aborts every request of the call when it ends, times out or is cancelled. */
  signal: AbortSignal;
  metrics: ServerMetrics;
  /** Longest Retry-After the WebClient may wait out; 0 turns every rate limit into an error at once. */
  maxWaitSeconds: number;
}

/**
 * The fetch one tool call's WebClient uses. The WebClient has no per-request signal and,
 * on a 429, sleeps for the whole Retry-After (a minute would outlast the call's timeout) and
 * retries until its retries run out. So, per call:
 * - every request carries the call's signal;
 * - the first 429 of a call with a Retry-After of at most `maxWaitSeconds` reaches the
 *   WebClient as it is: the SDK waits it out and retries. That is the call's only wait, and
 *   only while no earlier failure has used up one of the SDK's retries, so a retry is left.
 * - any other 429 is handed on as Slack's documented in-band form of the same answer, HTTP 200
 *   `{ ok: false, error: "ratelimited" }` with its Retry-After, which the SDK rejects at once as
 *   a platform error carrying `response_metadata.retryAfter`: a rate_limited error naming the wait.
 */
export function callFetch({ signal, metrics, maxWaitSeconds }: CallFetchOptions): FetchFunction {
  let mayWait = maxWaitSeconds > 0;
  return async (url, init = {}) => {
    let response: Response;
    try {
      // Looked up per request, so test fakes that patch globalThis.fetch see it.
      response = await globalThis.fetch(url, {
        ...init,
        signal: init.signal ? AbortSignal.any([init.signal, signal]) : signal,
      });
    } catch (error) {
      metrics.recordUpstream('error');
      mayWait = false;
      throw error;
    }
    metrics.recordUpstream(response.status);
    if (response.status === 429) {
      const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
      if (mayWait && retryAfter !== undefined && retryAfter <= maxWaitSeconds) {
        mayWait = false;
        return response;
      }
      mayWait = false;
      // Read to the end, which frees the connection (cancelling a body stream can stall under interceptors).
      await response.arrayBuffer();
      return inBandRateLimit(retryAfter);
    }
    if (response.status !== 200) mayWait = false;
    return response;
  };
}

/** Slack sends Retry-After in whole seconds, which is the only form the SDK reads. */
function retryAfterSeconds(header: string | null): number | undefined {
  return header && /^\s*\d+\s*$/.test(header) ? Number(header) : undefined;
}

function inBandRateLimit(retryAfter: number | undefined): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return new Response(JSON.stringify({ ok: false, error: 'ratelimited' }), { status: 200, headers });
}
