import { ToolError, type UpstreamClient, type UpstreamRequest } from '@sophia/mcp-base';

/** Query values as tools build them; undefined ones are left out of the URL. */
export type AsanaQuery = Record<string, string | number | boolean | undefined>;

interface CallOptions {
  query?: AsanaQuery;
  signal: AbortSignal;
}

/** Every Asana answer wraps its payload in `data`; lists add `next_page` (null on the last page). */
interface Envelope<T> {
  data: T;
  next_page?: { offset: string } | null;
}

export interface AsanaPage<T> {
  items: T[];
  /** Asana's offset token for the next page, absent on the last one. */
  nextOffset?: string;
}

/**
 * Asana REST 1.0 on top of the base's UpstreamClient: unwraps `{ data }`, surfaces
 * `next_page.offset`, sends writes as `{ data: {...} }` and gives errors Asana's own message.
 */
export class AsanaApi {
  constructor(private readonly http: UpstreamClient) {}

  async get<T>(path: string, options: CallOptions): Promise<T> {
    return (await this.call<Envelope<T>>('get', path, options)).data;
  }

  async list<T>(path: string, options: CallOptions): Promise<AsanaPage<T>> {
    const envelope = await this.call<Envelope<T[]>>('get', path, options);
    if (!Array.isArray(envelope.data)) throw wrongShape(path, '`data` is not a list');
    return { items: envelope.data, nextOffset: envelope.next_page?.offset ?? undefined };
  }

  async post<T>(path: string, data: Record<string, unknown>, options: CallOptions): Promise<T> {
    return (await this.call<Envelope<T>>('post', path, options, data)).data;
  }

  async put<T>(path: string, data: Record<string, unknown>, options: CallOptions): Promise<T> {
    return (await this.call<Envelope<T>>('put', path, options, data)).data;
  }

  private async call<T>(method: 'get' | 'post' | 'put', path: string, options: CallOptions, data?: Record<string, unknown>) {
    const request: UpstreamRequest = { searchParams: definedOnly(options.query), signal: options.signal };
    if (data) request.json = { data: definedOnly(data) };
    const envelope = await this.http.request<T>(method, path, request);
    // Every Asana answer is `{ data }`: anything else (a proxy's page, an outage body) is not an answer.
    if (envelope === null || typeof envelope !== 'object' || !('data' in envelope)) throw wrongShape(path, 'no `data` envelope');
    return envelope;
  }
}

const wrongShape = (path: string, what: string) =>
  new ToolError('upstream_error', `Asana answered ${path.split('?')[0]} with an unexpected body (${what}).`);

/** Drops undefined values (null stays: Asana reads it as "clear this field"). */
function definedOnly<V>(record: Record<string, V | undefined> = {}): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Record<string, V>;
}
