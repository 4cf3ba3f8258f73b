import { ToolError, parseRetryAfter, toolErrorFromStatus, type UpstreamInit } from '@sophia/mcp-base';

/** Query values as tools build them; undefined ones are left out of the URL. */
export type PortkeyQuery = Record<string, string | number | undefined>;

export interface PortkeyRequest {
  query?: PortkeyQuery;
  json?: unknown;
  /** The API key scope this request needs, named when Portkey answers 403 AB03. */
  scope: string;
}

export interface PortkeyApiOptions {
  baseUrl: string;
  apiKey: string;
  /** `deps.upstreamFetch('Portkey')`: timeouts, retries, metrics, the binding to the tool call. */
  fetch: (input: string, init: UpstreamInit) => Promise<Response>;
}

/** Portkey's Admin API error body (see its "Admin API Error Codes" page). */
interface PortkeyErrorBody {
  data?: { message?: unknown; errorCode?: unknown };
  error?: { message?: unknown } | string;
  message?: unknown;
}

/**
 * The Portkey Admin API over the base's upstream fetch. Portkey answers errors as
 * `{ success: false, data: { message, errorCode } }`, which the generic UpstreamClient cannot
 * read, so errors are mapped here once: AB03 (403) says whether a scope or the Enterprise plan is
 * missing, every other status goes through the base's toolErrorFromStatus with Portkey's message.
 */
export class PortkeyApi {
  private readonly baseUrl: string;

  constructor(private readonly options: PortkeyApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  get<T>(path: string, request: PortkeyRequest): Promise<T> {
    return this.request<T>('GET', path, request);
  }

  /** A POST that changes nothing (prompt render): read-only tools' requests are retried like reads. */
  post<T>(path: string, request: PortkeyRequest): Promise<T> {
    return this.request<T>('POST', path, request);
  }

  /** A write: never retried (the base sends non-idempotent requests of write tools once). */
  put<T>(path: string, request: PortkeyRequest): Promise<T> {
    return this.request<T>('PUT', path, request);
  }

  private async request<T>(method: string, path: string, request: PortkeyRequest): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-portkey-api-key': this.options.apiKey };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const response = await this.options.fetch(this.url(path, request.query), {
      method,
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
    });
    const text = await response.text();
    if (!response.ok) throw portkeyError(response, text, request.scope);
    // The upstream fetch has already refused a 2xx that is not JSON.
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private url(path: string, query: PortkeyQuery = {}): string {
    const defined = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
    const search = new URLSearchParams(defined.map(([key, value]) => [key, String(value)]));
    const url = `${this.baseUrl}/${path.replace(/^\/+/, '')}`;
    return search.size ? `${url}?${search}` : url;
  }
}

const ENTERPRISE_HINT = /enterprise|plan|upgrade|subscription|not available/i;

function portkeyError(response: Response, text: string, scope: string): ToolError {
  const { message, errorCode } = readError(text);
  if (response.status === 403 && errorCode === 'AB03') {
    const said = message ? ` (${message.replace(/[.\s]+$/, '')})` : '';
    const advice = message && ENTERPRISE_HINT.test(message)
      ? 'This feature is Enterprise-only on Portkey: it needs an Enterprise plan, not another scope.'
      : `The API key lacks the scope ${scope}: add it to the key in app.portkey.ai → API Keys (or use an Admin API key that has it).`;
    return new ToolError('forbidden', `Portkey refused the request with AB03${said}. ${advice}`, { status: 403 });
  }
  return toolErrorFromStatus({
    service: 'Portkey',
    status: response.status,
    message: message && errorCode ? `${message} [${errorCode}]` : message,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/** Portkey's message and error code from an error body; not JSON: the start of the raw text. */
function readError(text: string): { message?: string; errorCode?: string } {
  try {
    const body = JSON.parse(text) as PortkeyErrorBody;
    const nested = typeof body.error === 'object' ? body.error?.message : body.error;
    const message = [body.data?.message, nested, body.message].find((value) => typeof value === 'string') as string | undefined;
    const errorCode = typeof body.data?.errorCode === 'string' ? body.data.errorCode : undefined;
    return { message: message?.slice(0, 500), errorCode };
  } catch {
    return { message: text.slice(0, 200) || undefined };
  }
}
