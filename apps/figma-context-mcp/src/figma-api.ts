import { ToolError } from '@sophia/mcp-base';
import { figmaFailure } from './figma-errors';

export type FigmaQuery = Record<string, string | number | boolean | undefined>;

export interface FigmaGet {
  query?: FigmaQuery;
  /** The OAuth scope the endpoint needs, named when Figma answers 403. */
  scope: string;
  /** A top-level field every successful answer of this endpoint has: a 200 without it is not an answer. */
  expect?: string;
}

export interface FigmaApiOptions {
  baseUrl: string;
  /** X-Figma-Token or Authorization, from createContext. */
  authHeaders: Record<string, string>;
  /** The base's upstream fetch (timeouts, retries, metrics, call binding). */
  fetch: typeof fetch;
}

/**
 * Figma REST v1 reads on the base's upstream fetch. Not the base's UpstreamClient because
 * Figma's errors need what it does not read: the `err` field and the 429 headers (figma-errors.ts).
 */
export class FigmaApi {
  private readonly baseUrl: string;

  constructor(private readonly options: FigmaApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async get<T>(path: string, request: FigmaGet): Promise<T> {
    const response = await this.options.fetch(this.url(path, request.query), {
      headers: { accept: 'application/json', ...this.options.authHeaders },
    });
    if (!response.ok) throw await figmaFailure(response, request.scope);
    // The base fetch has already refused a 2xx that is not JSON.
    const body = (await response.json()) as unknown;
    if (body === null || typeof body !== 'object') {
      throw new ToolError('upstream_error', `Figma answered ${path} with an unexpected body (not a JSON object).`);
    }
    if (request.expect && !(request.expect in body)) {
      throw new ToolError('upstream_error', `Figma answered ${path} with an unexpected body (no \`${request.expect}\`).`);
    }
    return body as T;
  }

  private url(path: string, query: FigmaQuery = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const url = `${this.baseUrl}/${path.replace(/^\/+/, '')}`;
    return params.size ? `${url}?${params}` : url;
  }
}

/** Path segment for a file key (validated by resolveTarget; encoded anyway). */
export const filePath = (fileKey: string, rest = '') => `files/${encodeURIComponent(fileKey)}${rest}`;
