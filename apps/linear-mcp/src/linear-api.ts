import { LinearClient, parseLinearError } from '@linear/sdk';
import { tokenCursor } from '@sophia/mcp-base';

export interface LinearApiOptions {
  apiKey: string;
  apiUrl: string;
  /** `deps.upstreamFetch('Linear', { rateLimit: linearRateLimit })`: retries, waits, metrics, call binding. */
  fetch: typeof fetch;
}

/** A GraphQL document and its variables, as the tools write them. */
export type GraphqlVariables = Record<string, unknown>;

/** The body of a GraphQL answer. */
interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: unknown[];
}

/** The fields every connection query selects for paging. */
export const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** Our opaque next cursor from a Relay connection's pageInfo (read back with tokenCursor.read). */
export const relayNextCursor = (pageInfo: PageInfo): string | undefined =>
  tokenCursor.next(pageInfo.hasNextPage ? pageInfo.endCursor : undefined);


/**
 * Linear's GraphQL API: small hand-written documents POSTed through the base's upstream fetch.
 *
 * Why not the SDK's model objects (`client.issues()`, `issue.assignee`, …): they select every
 * scalar field of an entity and resolve each relation with another request, which spends both of
 * Linear's budgets (requests and query complexity) on fields we never return. And the SDK's own
 * GraphQL client calls the global fetch (no fetch option), which would bypass the fleet's policy.
 * The SDK still turns failures into its LinearError classes (parseLinearError), which
 * linear-errors.ts reads.
 *
 * Retries are the upstream fetch's: every request of a read-only tool is a query and may be
 * repeated; a mutation is sent exactly once, so a write that may have happened is never repeated.
 */
export class LinearApi {
  constructor(private readonly options: LinearApiOptions) {
    // Fails at start, not on the first call, when the URL is unusable (the SDK requires HTTPS off loopback).
    new LinearClient({ apiKey: options.apiKey, apiUrl: options.apiUrl });
  }

  query<T>(document: string, variables: GraphqlVariables): Promise<T> {
    return this.request<T>(document, variables);
  }

  mutate<T>(document: string, variables: GraphqlVariables): Promise<T> {
    return this.request<T>(document, variables);
  }

  private async request<T>(document: string, variables: GraphqlVariables): Promise<T> {
    const response = await this.options.fetch(this.options.apiUrl, {
      method: 'POST',
      // A personal API key goes out as `Authorization: <key>` (no "Bearer"), as the SDK sends it.
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: this.options.apiKey },
      body: JSON.stringify({ query: document, variables }),
    });
    const text = await response.text();
    const answer = parseAnswer<T>(text, response);
    if (response.ok && answer && !answer.errors && answer.data) return answer.data;
    throw parseLinearError({
      message: `Linear answered HTTP ${response.status}`,
      response: {
        data: answer?.data ?? undefined,
        errors: answer?.errors as never,
        error: answer ? undefined : text,
        status: response.status,
        headers: response.headers,
      },
      request: { query: document, variables },
    });
  }
}

/** The JSON body, or undefined when it is not JSON (a proxy's error page). */
function parseAnswer<T>(text: string, response: Response): GraphqlAnswer<T> | undefined {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(text) as GraphqlAnswer<T>;
  } catch {
    return undefined;
  }
}
