import { ToolError, tokenCursor, type UpstreamClient, type UpstreamRequest } from '@sophia/mcp-base';

/** Query values as tools build them; undefined ones are left out of the URL. */
export type CodacyQuery = Record<string, string | number | boolean | undefined>;

/** Codacy's list envelope: `{ data: [...], pagination: { cursor?, limit, total? } }`; no cursor on the last page. */
interface ListEnvelope<T> {
  data: T[];
  pagination?: { cursor?: string | null; limit?: number; total?: number } | null;
}

export interface CodacyPage<T> {
  items: T[];
  /** Our opaque cursor around Codacy's, absent on the last page. */
  nextCursor?: string;
  /** Codacy's count of all matches, when it gives one. */
  total?: number;
}

export interface PageRequest {
  /** The tool's `cursor` input (ours, wrapping Codacy's). */
  cursor?: string;
  limit: number;
  query?: CodacyQuery;
  /** JSON body of a search endpoint (POST). */
  body?: Record<string, unknown>;
}

/**
 * Codacy API v3 on top of the base's UpstreamClient: unwraps `{ data }`, turns `pagination.cursor`
 * into our opaque cursor (and back), and refuses answers without the envelope, so a proxy page or
 * an outage body never reaches a tool as an empty result.
 */
export class CodacyApi {
  constructor(private readonly http: UpstreamClient) {}

  /** One page of a list endpoint: GET with query, or POST `…/search` with a JSON body (read-only, so retried). */
  async page<T>(method: 'get' | 'post', path: string, request: PageRequest): Promise<CodacyPage<T>> {
    const query = { ...request.query, cursor: tokenCursor.read(request.cursor), limit: request.limit };
    const envelope = await this.call<ListEnvelope<T>>(method, path, query, method === 'post' ? definedOnly(request.body ?? {}) : undefined);
    if (!Array.isArray(envelope.data)) throw wrongShape(path, '`data` is not a list');
    return {
      items: envelope.data,
      nextCursor: tokenCursor.next(envelope.pagination?.cursor),
      total: envelope.pagination?.total,
    };
  }

  /** A single object from `{ data: {...} }`. */
  async get<T>(path: string, query?: CodacyQuery): Promise<T> {
    return (await this.call<{ data: T }>('get', path, query)).data;
  }

  /** A whole list from `{ data: [...] }` of an endpoint that does not page. */
  async getAll<T>(path: string): Promise<T[]> {
    const { data } = await this.call<{ data: unknown }>('get', path);
    if (!Array.isArray(data)) throw wrongShape(path, '`data` is not a list');
    return data as T[];
  }

  /** A write; Codacy answers 204 (no body) or a JSON body, returned as is. */
  async patch(path: string, body: Record<string, unknown>): Promise<unknown> {
    return this.http.patch(path, { json: definedOnly(body) });
  }

  /**
   * An object that must carry `key`. getRepositoryPullRequest answers with the pull request itself
   * (no `{ data }` envelope, unlike its siblings); inside one is taken as well.
   */
  async getWith<T extends object>(path: string, key: string): Promise<T> {
    const body = await this.http.get<unknown>(path);
    const candidates = [body, (body as { data?: unknown } | null)?.data];
    const found = candidates.find((candidate) => candidate !== null && typeof candidate === 'object' && key in candidate);
    if (!found) throw wrongShape(path, `no \`${key}\``);
    return found as T;
  }

  private async call<T extends object>(method: 'get' | 'post', path: string, query?: CodacyQuery, json?: unknown): Promise<T> {
    const request: UpstreamRequest = { searchParams: definedOnly(query ?? {}) };
    if (json !== undefined) request.json = json;
    const envelope = await this.http.request<unknown>(method, path, request);
    if (envelope === null || typeof envelope !== 'object' || !('data' in envelope)) throw wrongShape(path, 'no `data` envelope');
    return envelope as T;
  }
}

const wrongShape = (path: string, what: string) =>
  new ToolError('upstream_error', `Codacy answered ${path.split('?')[0]} with an unexpected body (${what}).`);

/** Drops undefined values and empty lists (an empty filter list is no filter: leave it out). */
function definedOnly<V>(record: Record<string, V | undefined>): Record<string, V> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as Record<string, V>;
}
