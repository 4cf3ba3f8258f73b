import { ToolError, type UpstreamClient, type UpstreamMethod } from '@sophia/mcp-base';
import type { z } from 'zod';

/** Query values as tools build them; undefined ones are left out of the URL. */
export type HubspotQuery = Record<string, string | number | boolean | undefined>;

/**
 * HubSpot's CRM REST API on top of the base's UpstreamClient. Every answer is checked against the
 * documented shape the tool reads (schemas in records.ts): a proxy page or an outage body of the
 * wrong shape becomes a precise upstream_error instead of a result full of nulls.
 */
export class HubspotApi {
  constructor(private readonly http: UpstreamClient) {}

  get<S extends z.ZodType>(path: string, schema: S, query?: HubspotQuery): Promise<z.output<S>> {
    return this.call('get', path, schema, { query });
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.call('post', path, schema, { body });
  }

  patch<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.call('patch', path, schema, { body });
  }

  private async call<S extends z.ZodType>(
    method: UpstreamMethod,
    path: string,
    schema: S,
    { query, body }: { query?: HubspotQuery; body?: unknown },
  ): Promise<z.output<S>> {
    const answer = await this.http.request(method, path, { searchParams: definedOnly(query), json: body });
    const parsed = schema.safeParse(answer);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ToolError(
      'upstream_error',
      `HubSpot answered ${method.toUpperCase()} ${path} with an unexpected body (${issue?.message ?? 'wrong shape'}${where}).`,
    );
  }
}

function definedOnly(query: HubspotQuery = {}): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<string, string | number | boolean>;
}
