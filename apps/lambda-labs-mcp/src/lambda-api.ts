import { ToolError, type UpstreamClient } from '@sophia/mcp-base';
import { SERVICE } from './lambda-errors';

/**
 * Lambda Cloud API v1 on the base's UpstreamClient: every answer is `{ data }`; a 2xx without it
 * (a proxy page, an outage body) is refused here so it never reaches a tool as an empty result.
 * Lambda's lists are not paged upstream: tools page them client-side (mcp-base pageOfList).
 */
export class LambdaApi {
  constructor(private readonly http: UpstreamClient) {}

  /** GET a resource and return its `data`. */
  async get<T>(path: string, query?: Record<string, string>): Promise<T> {
    return unwrap<T>(path, await this.http.get<unknown>(path, { searchParams: query }));
  }

  /** GET a list endpoint and return its `data` array. */
  async list<T>(path: string): Promise<T[]> {
    const data = await this.get<unknown>(path);
    if (!Array.isArray(data)) throw wrongShape(path, '`data` is not a list');
    return data as T[];
  }

  /** POST an instance operation: sent exactly once (the base never retries a write). */
  async operation<T>(path: string, body: Record<string, unknown>): Promise<T> {
    return unwrap<T>(path, await this.http.post<unknown>(path, { json: body }));
  }
}

function unwrap<T>(path: string, answer: unknown): T {
  if (!answer || typeof answer !== 'object' || !('data' in answer)) throw wrongShape(path, 'there is no `data`');
  return (answer as { data: T }).data;
}

function wrongShape(path: string, what: string): ToolError {
  return new ToolError('upstream_error', `${SERVICE} answered ${path} with an unexpected body (${what}). Try again; if it persists, check LAMBDA_API_URL.`);
}
