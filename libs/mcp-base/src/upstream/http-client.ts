import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import { parseRetryAfter, toolErrorFromStatus } from '../errors/http-status';
import { ToolError } from '../errors/tool-error';
import type { ServerMetrics } from '../observability/metrics';

export interface UpstreamClientOptions {
  /** Human name used in error messages, e.g. "Notion". */
  service: string;
  baseUrl: string;
  headers?: Record<string, string>;
  metrics?: ServerMetrics;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Retries for idempotent requests on 429/502/503/504 (default 2). */
  retries?: number;
  /**
   * Longest Retry-After worth waiting for inside one call (default 2 s): a shorter one is
   * waited out and retried; a longer one fails at once as rate_limited with the wait.
   */
  maxRetryAfterMs?: number;
  /** First backoff delay for retries without Retry-After; doubles per attempt (default 300 ms). */
  retryDelayMs?: number;
}

export type UpstreamRequest = Pick<Options, 'searchParams' | 'json' | 'body' | 'headers' | 'signal'>;

/**
 * JSON client for fetch-based vendors, built on ky (retries with backoff that honour
 * Retry-After, per-attempt timeouts). Every failure becomes a precise ToolError.
 */
export class UpstreamClient {
  private readonly http: KyInstance;

  constructor(private readonly options: UpstreamClientOptions) {
    const metrics = options.metrics;
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 2_000;
    const retryDelayMs = options.retryDelayMs ?? 300;
    this.http = ky.create({
      prefixUrl: options.baseUrl.replace(/\/+$/, ''),
      headers: options.headers,
      timeout: options.timeoutMs ?? 20_000,
      retry: {
        limit: options.retries ?? 2,
        statusCodes: [429, 502, 503, 504],
        afterStatusCodes: [429, 503],
        maxRetryAfter: maxRetryAfterMs,
        delay: (attempt) => retryDelayMs * 2 ** (attempt - 1),
        backoffLimit: 3_000,
        // ky would clamp a long Retry-After to the cap and retry anyway; the upstream has
        // said that is pointless, so the caller hears "rate_limited, retry after N s" at once.
        shouldRetry: ({ error }) => (retryAfterExceeds(error, maxRetryAfterMs) ? false : undefined),
      },
      // Metrics wrap fetch itself: an afterResponse hook makes ky tee every response, and the
      // branch left behind by a retried 429/5xx rejected unhandled when the call's signal
      // aborted at its end, which killed the process.
      fetch: async (input, init) => {
        const response = await globalThis.fetch(input, init);
        metrics?.recordUpstream(response.status);
        return response;
      },
    });
  }

  get<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.send<T>('get', path, request);
  }

  post<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.send<T>('post', path, request);
  }

  patch<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.send<T>('patch', path, request);
  }

  put<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.send<T>('put', path, request);
  }

  delete<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.send<T>('delete', path, request);
  }

  /** Any method, e.g. for generated tools: `request('get', 'widgets/42')`. */
  request<T>(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, request: UpstreamRequest = {}) {
    return this.send<T>(method, path, request);
  }

  private async send<T>(method: string, path: string, request: UpstreamRequest): Promise<T> {
    try {
      const response = await this.http(path.replace(/^\/+/, ''), { method, ...request });
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    } catch (error) {
      throw await this.toToolError(error);
    }
  }

  private async toToolError(error: unknown): Promise<ToolError> {
    const { service } = this.options;
    if (error instanceof HTTPError) {
      const { response } = error;
      return toolErrorFromStatus({
        service,
        status: response.status,
        message: await readErrorMessage(response),
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
        quotaExhausted: response.headers.get('x-ratelimit-remaining') === '0',
      });
    }
    if (error instanceof TimeoutError) {
      return new ToolError('timeout', `${service} did not answer within ${this.options.timeoutMs ?? 20_000} ms.`);
    }
    if (error instanceof Error && error.name === 'AbortError') {
      return new ToolError('timeout', `${service} request was aborted (call timeout or client cancel).`);
    }
    if (error instanceof SyntaxError) {
      return new ToolError('upstream_error', `${service} answered with invalid JSON.`, { cause: error });
    }
    this.options.metrics?.recordUpstream('error');
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return new ToolError('upstream_error', `could not reach ${service} at ${this.options.baseUrl} (${reason}).`, {
      cause: error,
    });
  }
}

function retryAfterExceeds(error: unknown, maxMs: number): boolean {
  if (!(error instanceof HTTPError)) return false;
  const seconds = parseRetryAfter(error.response.headers.get('retry-after'));
  return seconds !== undefined && seconds * 1000 > maxMs;
}

/** Vendors put their message in different fields; take the first that exists, cut to a sane length. */
async function readErrorMessage(response: Response): Promise<string | undefined> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const nested = body['error'] as Record<string, unknown> | string | undefined;
    // e.g. Asana: { errors: [{ message, help }] }
    const firstOfMany = Array.isArray(body['errors']) ? (body['errors'][0] as Record<string, unknown> | undefined) : undefined;
    const candidate =
      body['message'] ??
      (typeof nested === 'object' ? nested?.['message'] : nested) ??
      firstOfMany?.['message'] ??
      body['error_description'] ??
      body['detail'];
    if (typeof candidate === 'string') return candidate.slice(0, 500);
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200);
}
