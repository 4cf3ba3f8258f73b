import { LinearClient, LinearError, type LinearClientOptions } from '@linear/sdk';
import { ToolError, type ServerMetrics } from '@sophia/mcp-base';
import { describeLinearFailure } from './linear-errors';

export interface LinearApiOptions {
  apiKey: string;
  apiUrl: string;
  metrics: ServerMetrics;
  retryBaseMs: number;
  maxRateLimitWaitSeconds: number;
}

/** A GraphQL document and its variables, as the tools write them. */
export type GraphqlVariables = Record<string, unknown>;

/**
 * Linear's GraphQL API through the SDK's own GraphQL client (`LinearClient#client.rawRequest`).
 *
 * Why not the SDK's model objects (`client.issues()`, `issue.assignee`, …): they select every
 * scalar field of an entity and resolve each relation with another request, which spends both of
 * Linear's budgets (requests and query complexity) on fields we never return. Small hand-written
 * documents select exactly what each tool returns, in one request.
 *
 * Retries (the SDK has none): a rate limit whose wait is short is waited out once (the request was
 * not executed, so this is safe for mutations too); a 5xx is retried twice, for queries only, so a
 * write that may have happened is never repeated.
 */
export class LinearApi {
  private readonly clientOptions: LinearClientOptions;

  constructor(private readonly options: LinearApiOptions) {
    this.clientOptions = { apiKey: options.apiKey, apiUrl: options.apiUrl };
    // Fails at start, not on the first call, when the URL is unusable (the SDK requires HTTPS off loopback).
    new LinearClient(this.clientOptions);
  }

  query<T>(document: string, variables: GraphqlVariables, signal: AbortSignal): Promise<T> {
    return this.request<T>(document, variables, signal, { retryServerErrors: true });
  }

  mutate<T>(document: string, variables: GraphqlVariables, signal: AbortSignal): Promise<T> {
    return this.request<T>(document, variables, signal, { retryServerErrors: false });
  }

  private async request<T>(
    document: string,
    variables: GraphqlVariables,
    signal: AbortSignal,
    policy: { retryServerErrors: boolean },
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send<T>(document, variables, signal);
      } catch (error) {
        const waitMs = this.retryDelayMs(error, attempt, policy.retryServerErrors);
        if (waitMs === undefined || signal.aborted) throw error;
        await sleep(waitMs, signal);
      }
    }
  }

  private async send<T>(document: string, variables: GraphqlVariables, signal: AbortSignal): Promise<T> {
    // The SDK takes fetch options (RequestInit) only at construction, so each call gets a client
    // carrying its own abort signal; construction is cheap (no I/O).
    const { client } = new LinearClient({ ...this.clientOptions, signal });
    try {
      const response = await client.rawRequest<T, GraphqlVariables>(document, variables);
      this.options.metrics.recordUpstream(response.status ?? 200);
      return response.data as T;
    } catch (error) {
      if (error instanceof LinearError) {
        this.options.metrics.recordUpstream(error.status ?? 'error');
        throw error;
      }
      this.options.metrics.recordUpstream('error');
      if (signal.aborted) throw error;
      // rawRequest lets fetch's own failures (DNS, refused connection, unreadable body) through unwrapped.
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new ToolError('upstream_error', `could not reach Linear: ${reason}.`, { cause: error });
    }
  }

  private retryDelayMs(error: unknown, attempt: number, retryServerErrors: boolean): number | undefined {
    const failure = describeLinearFailure(error);
    if (!failure) return undefined;
    if (failure.status === 429) {
      const wait = failure.retryAfterSeconds;
      return attempt === 0 && wait !== undefined && wait <= this.options.maxRateLimitWaitSeconds ? wait * 1000 : undefined;
    }
    if (retryServerErrors && [500, 502, 503, 504].includes(failure.status) && attempt < 2) {
      return this.options.retryBaseMs * 4 ** attempt;
    }
    return undefined;
  }
}

/** Waits, but no longer than the call lives. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
