import { parseRetryAfter, toolErrorFromStatus } from '../errors/http-status';
import { upstreamErrorMessage } from './error-message';
import type { UpstreamInit } from './upstream-fetch';

export interface UpstreamClientOptions {
  /** Human name used in error messages, e.g. "Asana". */
  service: string;
  baseUrl: string;
  headers?: Record<string, string>;
  /**
   * `deps.upstreamFetch(service)` from createContext: timeouts, retries, metrics and the
   * binding to the tool call all live there.
   */
  fetch: (input: string, init: UpstreamInit) => Promise<Response>;
}

export interface UpstreamRequest {
  searchParams?: Record<string, string | number | boolean>;
  /** Sent as a JSON body. */
  json?: unknown;
  headers?: Record<string, string>;
  /** Extra signal; every request already ends with the tool call that made it. */
  signal?: AbortSignal;
  /** A POST/PUT that may be sent twice without harm, so it is retried like a read. */
  idempotent?: boolean;
}

export type UpstreamMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * JSON client for REST vendors without an SDK. Every failure becomes a precise ToolError:
 * HTTP errors here (with the vendor's own message), the rest in the upstream fetch.
 */
export class UpstreamClient {
  private readonly baseUrl: string;

  constructor(private readonly options: UpstreamClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  get<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.request<T>('get', path, request);
  }

  post<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.request<T>('post', path, request);
  }

  patch<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.request<T>('patch', path, request);
  }

  put<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.request<T>('put', path, request);
  }

  delete<T>(path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.request<T>('delete', path, request);
  }

  /** Any method, e.g. for generated tools: `request('get', 'widgets/42')`. */
  async request<T>(method: UpstreamMethod, path: string, request: UpstreamRequest = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...request.headers };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const response = await this.options.fetch(this.url(path, request.searchParams), {
      method: method.toUpperCase(),
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
      signal: request.signal,
      idempotent: request.idempotent,
    });
    if (response.ok) {
      // The upstream fetch has already refused a 2xx that is not JSON, and parsed it: json() reuses that.
      // Only 204/205 arrive empty.
      return (response.status === 204 || response.status === 205 ? undefined : await response.json()) as T;
    }
    throw toolErrorFromStatus({
      service: this.options.service,
      status: response.status,
      message: upstreamErrorMessage(await response.text()),
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
      quotaExhausted: response.headers.get('x-ratelimit-remaining') === '0',
    });
  }

  private url(path: string, searchParams: UpstreamRequest['searchParams']): string {
    const url = `${this.baseUrl}/${path.replace(/^\/+/, '')}`;
    if (!searchParams) return url;
    const query = new URLSearchParams(Object.entries(searchParams).map(([key, value]) => [key, String(value)]));
    return query.size ? `${url}?${query}` : url;
  }
}
