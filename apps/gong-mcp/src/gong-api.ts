import { ToolError, parseRetryAfter, toolErrorFromStatus } from '@sophia/mcp-base';

/** Gong's paging block on every list answer; `cursor` only while more records follow. */
export interface GongRecords {
  totalRecords?: number;
  currentPageSize?: number;
  currentPageNumber?: number;
  cursor?: string;
}

export interface GongRequest {
  query?: Record<string, string | boolean | undefined>;
  /** JSON body of a POST (Gong's read endpoints with filters are POSTs, cursor in the body). */
  body?: Record<string, unknown>;
  /** The OAuth scope the endpoint needs, named when Gong answers 403. */
  scope: string;
  /**
   * What Gong's 404 means here: `empty` where it answers 404 for "no records in this window"
   * (calls, transcripts, stats, library), else the not_found message to give, e.g. naming the id.
   */
  notFound: 'empty' | string;
}

/**
 * Gong REST v2 over the base's upstream fetch (timeouts, retries, pacing to Gong's 3 requests/s).
 * Maps Gong's error bodies (`{ requestId, errors: ["…"] }`) once, with what to do about each.
 */
export class GongApi {
  private readonly baseUrl: string;

  constructor(
    private readonly fetch: typeof globalThis.fetch,
    baseUrl: string,
    private readonly authorization: string,
  ) {
    // Gong's API page shows the base URL without /v2; accept it with one too.
    this.baseUrl = baseUrl.replace(/\/+$/, '').replace(/\/v2$/, '');
  }

  /** The parsed answer, or undefined where a 404 means "nothing in this window". */
  async request<T>(method: 'GET' | 'POST', path: string, request: GongRequest): Promise<T | undefined> {
    const response = await this.fetch(this.url(path, request.query), {
      method,
      headers: {
        accept: 'application/json',
        authorization: this.authorization,
        ...(request.body ? { 'content-type': 'application/json' } : {}),
      },
      body: request.body ? JSON.stringify(request.body) : undefined,
    });
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
    if (response.status === 404 && request.notFound === 'empty') return undefined;
    throw this.error(response, text, request);
  }

  /** A list answer: the named array must be there (or the whole answer absent, for an empty 404). */
  async list<T, K extends string>(
    method: 'GET' | 'POST',
    path: string,
    field: K,
    request: GongRequest,
  ): Promise<{ items: T[]; records: GongRecords; raw: Record<K, T[]> | undefined }> {
    const answer = await this.request<Record<K, T[]> & { records?: GongRecords }>(method, path, request);
    if (answer === undefined) return { items: [], records: {}, raw: undefined };
    // A 404-free answer without the list is not Gong's (a proxy page, a changed API): say so.
    if (answer === null || typeof answer !== 'object' || !Array.isArray(answer[field])) {
      throw new ToolError('upstream_error', `Gong answered ${path} without the \`${field}\` list it documents.`);
    }
    return { items: answer[field], records: answer.records ?? {}, raw: answer };
  }

  private url(path: string, query: GongRequest['query'] = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.size ? `?${params}` : '';
    return `${this.baseUrl}/v2/${path.replace(/^\/+/, '')}${search}`;
  }

  private error(response: Response, text: string, request: GongRequest): ToolError {
    const status = response.status;
    const said = gongMessage(text, this.authorization);
    const details = { status };
    switch (status) {
      case 401:
        return new ToolError(
          'unauthorized',
          `Gong rejected the credentials (HTTP 401)${suffix(said)}. Check GONG_ACCESS_KEY and GONG_ACCESS_SECRET ` +
            "(a pair from Gong's API page), and that GONG_API_URL is your company's base URL shown there.",
          details,
        );
      case 403:
        return new ToolError(
          'forbidden',
          `Gong denied access (HTTP 403)${suffix(said)}. The API key needs the scope ${request.scope}, and API access ` +
            'must be enabled by a Gong technical administrator; private calls and folders are not served.',
          details,
        );
      case 404:
        return new ToolError('not_found', `${request.notFound}${said ? ` (Gong: ${said})` : ''}.`, details);
      default:
        return toolErrorFromStatus({
          service: 'Gong',
          status,
          message: said,
          retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
        });
    }
  }
}

const suffix = (said: string | undefined) => (said ? `: ${said.replace(/[.\s]+$/, '')}` : '');

/**
 * Gong's own words from an error body (`errors: ["…"]`), else a `message`, else the start of the
 * text; the credential is cut out should an upstream or proxy echo it back.
 */
function gongMessage(text: string, authorization: string): string | undefined {
  let said: string | undefined = text.slice(0, 300) || undefined;
  try {
    const body = JSON.parse(text) as { errors?: unknown; message?: unknown };
    const errors = Array.isArray(body.errors) ? body.errors.map((error) => (typeof error === 'string' ? error : (error as { message?: unknown })?.message)) : [];
    const strings = errors.filter((error): error is string => typeof error === 'string');
    if (strings.length) said = strings.join('; ').slice(0, 500);
    else if (typeof body.message === 'string') said = body.message.slice(0, 500);
  } catch {
    // not JSON: the start of the text
  }
  const token = authorization.replace(/^Basic\s+/i, '');
  return said?.split(authorization).join('[redacted]').split(token).join('[redacted]');
}
