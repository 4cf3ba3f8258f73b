import { setTimeout as sleep } from 'node:timers/promises';
import { toolErrorFromStatus } from '../errors/http-status';
import { BufferedResponse } from './buffered-response';
import { ToolError } from '../errors/tool-error';
import type { ServerMetrics } from '../observability/metrics';
import { currentCall, type CallScope } from './call-scope';
import { createPacer, type PacingOptions } from './pacing';
import { upstreamErrorMessage } from './error-message';
import { decideRetry, retryAfterOf } from './retry-policy';
import type { UpstreamSettings } from './upstream-settings';

/** A vendor's rate-limit answer: the wait it asks for, in seconds, when it says one. */
export interface RateLimitAnswer {
  retryAfterSeconds?: number;
}

/** RequestInit plus our one extra: `idempotent: true` lets a POST be retried like a read (e.g. embeddings). */
export interface UpstreamInit extends RequestInit {
  idempotent?: boolean;
}

export interface UpstreamFetchOptions {
  /**
   * Recognises a rate-limit answer beyond a plain 429 (e.g. GitHub's 403 secondary limit) and
   * where its wait is (e.g. a quota reset time). Default: 429, with Retry-After.
   */
  rateLimit?: (response: Response) => RateLimitAnswer | undefined;
  /** Client-side pacing of every attempt (retries too) to the vendor's documented rate; see pacing.ts. */
  pacing?: PacingOptions;
}

/**
 * `deps.upstreamFetch('GitHub')`: a `fetch` for one upstream service, to hand to the vendor SDK
 * built once in createContext. Every request it sends is bound to the tool call that made it.
 */
export type UpstreamFetchFactory = (service: string, options?: UpstreamFetchOptions) => typeof fetch;

export interface UpstreamFetchDeps {
  metrics: ServerMetrics;
  settings: UpstreamSettings;
}

const defaultRateLimit = (response: Response): RateLimitAnswer | undefined =>
  response.status === 429 ? { retryAfterSeconds: retryAfterOf(response) } : undefined;

const ATTEMPT_TIMED_OUT = new DOMException('The upstream attempt timed out.', 'TimeoutError');

/**
 * The fetch every upstream request goes through. Per request: bound to the current call's
 * abort signal, a timeout per attempt (including reading the body), `mcp_upstream_requests_total`
 * per attempt, the one retry policy (retry-policy.ts), and precise ToolErrors naming the service
 * for a rate limit it will not wait out, an unreachable host, a timeout and a 2xx that is not the
 * JSON it should be. Other HTTP errors come back as responses, for the SDK to read its vendor's message.
 */
export function createUpstreamFetchFactory(deps: UpstreamFetchDeps): UpstreamFetchFactory {
  return (service, options = {}) => {
    const rateLimit = options.rateLimit ?? defaultRateLimit;
    const pace = options.pacing && createPacer(options.pacing);
    return async (input, init: UpstreamInit = {}) => {
      const call = currentCall();
      const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const repeatable =
        isRepeatableBody(init.body) &&
        (method === 'GET' || method === 'HEAD' || init.idempotent === true || call?.readOnly === true);
      const deadline = call?.deadline ?? Number.POSITIVE_INFINITY;
      for (let attempts = 1; ; attempts++) {
        await pace?.(service, input, method, init.signal);
        const outcome = await attempt(service, input, init, call, deps.settings.timeoutMs);
        if (outcome instanceof Response) {
          deps.metrics.recordUpstream(outcome.status);
          const limit = rateLimit(outcome);
          const status = limit ? 429 : outcome.status;
          const retryAfterSeconds = limit ? limit.retryAfterSeconds : retryAfterOf(outcome);
          const decision = decideRetry({ status, retryAfterSeconds, attempts, repeatable, deadline }, deps.settings);
          if (decision.retry) {
            call?.logger.info({ service, status: outcome.status, attempts, waitMs: decision.waitMs }, 'upstream retry');
            await sleep(decision.waitMs, undefined, { signal: call?.signal });
            continue;
          }
          if (limit) throw await rateLimited(service, outcome, retryAfterSeconds ?? secondsOf(decision.waitMs));
          if (outcome.ok) expectJson(service, method, init, outcome);
          return outcome;
        }
        deps.metrics.recordUpstream('error');
        const decision = decideRetry({ status: undefined, retryAfterSeconds: undefined, attempts, repeatable, deadline }, deps.settings);
        const error = unreachable(service, input, outcome.error);
        if (!decision.retry) throw error;
        call?.logger.info({ service, reason: error.message, attempts, waitMs: decision.waitMs }, 'upstream retry');
        await sleep(decision.waitMs, undefined, { signal: call?.signal });
      }
    };
  };
}

/**
 * One attempt, answer fully read (so the timeout covers a body that drips, and a retry never
 * leaves a half-read body behind). A network failure comes back as a value; an abort of the
 * call is rethrown as it is, for the tool runner to report as timeout or cancel.
 */
async function attempt(
  service: string,
  input: RequestInfo | URL,
  init: RequestInit,
  call: CallScope | undefined,
  timeoutMs: number,
): Promise<BufferedResponse | { error: unknown }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(ATTEMPT_TIMED_OUT), timeoutMs);
  const signals = [call?.signal, init.signal ?? undefined].filter((signal): signal is AbortSignal => Boolean(signal));
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    const request = input instanceof Request ? input.clone() : input;
    const response = await fetch(request, { ...init, signal: controller.signal });
    return await buffered(response);
  } catch (error) {
    const callAbort = signals.find((signal) => signal.aborted);
    if (callAbort) throw callAbort.reason;
    if (controller.signal.reason === ATTEMPT_TIMED_OUT) {
      throw new ToolError('timeout', `${service} did not answer within ${timeoutMs} ms (MCP_UPSTREAM_TIMEOUT_MS).`);
    }
    return { error };
  } finally {
    clearTimeout(timer);
    for (const signal of signals) signal.removeEventListener('abort', onAbort);
  }
}

/** Statuses whose answer has no body by definition. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The answer with its body read into memory, headers describing that body. */
async function buffered(response: Response): Promise<BufferedResponse> {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : new Uint8Array(await response.arrayBuffer());
  return new BufferedResponse(body, response);
}

/**
 * A 2xx the SDK would parse as JSON must be JSON: an HTML error page, an empty or cut-off body
 * would otherwise reach the tool as `null` fields and be reported as success. Requests that ask
 * for something else (an Accept without "json", e.g. raw file contents) are left alone. The
 * parsed value is kept on the answer, so an SDK's `json()` does not parse it again.
 */
function expectJson(service: string, method: string, init: RequestInit, response: BufferedResponse): void {
  if (method === 'HEAD' || response.status === 204 || response.status === 205) return;
  const accept = acceptOf(init.headers);
  if (accept && !accept.includes('json') && !accept.includes('*/*')) return;
  const text = response.peekText();
  const contentType = response.headers.get('content-type') ?? 'no content type';
  if (text.trim() === '') {
    throw new ToolError('upstream_error', `${service} answered HTTP ${response.status} with an empty body instead of JSON.`, {
      status: response.status,
    });
  }
  try {
    response.keepJson(JSON.parse(text));
  } catch (error) {
    const what = contentType.includes('json') ? 'invalid or cut-off JSON' : `${contentType.split(';')[0]} instead of JSON`;
    throw new ToolError('upstream_error', `${service} answered HTTP ${response.status} with ${what}.`, {
      status: response.status,
      cause: error,
    });
  }
}

/** The request's Accept header; a plain object (what our clients and most SDKs pass) is read without a Headers copy. */
function acceptOf(headers: RequestInit['headers']): string | null {
  if (!headers || headers instanceof Headers || Array.isArray(headers)) return new Headers(headers).get('accept');
  for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() === 'accept') return value;
  return null;
}

async function rateLimited(service: string, response: Response, retryAfterSeconds: number | undefined): Promise<ToolError> {
  const failure = { service, status: response.status, message: upstreamErrorMessage(await response.text()), retryAfterSeconds };
  const error = toolErrorFromStatus(failure);
  // The vendor said it is a rate limit (e.g. Linear's RATELIMITED in an HTTP 400): report it as one.
  return error.kind === 'rate_limited' ? error : toolErrorFromStatus({ ...failure, status: 429 });
}

function unreachable(service: string, input: RequestInfo | URL, error: unknown): ToolError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ToolError('upstream_error', `could not reach ${service} at ${originOf(input)} (${reason}).`, { cause: error });
}

function originOf(input: RequestInfo | URL): string {
  try {
    return new URL(input instanceof Request ? input.url : String(input)).origin;
  } catch {
    return String(input);
  }
}

const secondsOf = (ms: number | undefined) => (ms === undefined ? undefined : Math.ceil(ms / 1000));

/** Bodies that can be sent again as they are (a stream is used up by the first attempt). */
function isRepeatableBody(body: RequestInit['body']): boolean {
  return !(body instanceof ReadableStream);
}
