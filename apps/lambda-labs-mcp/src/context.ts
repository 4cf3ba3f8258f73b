import { UpstreamClient, toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { LambdaLabsConfig } from './config';
import { LambdaApi } from './lambda-api';
import { SERVICE, mapLambdaErrors } from './lambda-errors';

export interface LambdaLabsContext {
  api: LambdaApi;
  /** LAMBDA_MAX_HOURLY_USD: launch_instance refuses dearer types, and everything while unset. */
  maxHourlyUsd: number | undefined;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineLambdaLabsTool = toolDefiner<LambdaLabsContext>();

/** Lambda allows about one launch per 10-12 s (its docs say both); we keep to one per 12 s per process. */
export const LAUNCHES_PER_SECOND = 1 / 12;

/**
 * The only place that reads the key. Lambda recommends `Authorization: Bearer <key>` (Basic with
 * the key as user name works too). The base's fetch adds timeouts, retries of reads, metrics and
 * the launch pacing; mapLambdaErrors turns Lambda's `{ error: { code, … } }` into ToolErrors once.
 */
export function createLambdaLabsContext(config: LambdaLabsConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): LambdaLabsContext {
  const fetch = deps.upstreamFetch(SERVICE, {
    pacing: { requestsPerSecond: LAUNCHES_PER_SECOND, applies: (url) => url.pathname.endsWith('/instance-operations/launch') },
  });
  const http = new UpstreamClient({
    service: SERVICE,
    baseUrl: config.LAMBDA_API_URL,
    headers: { authorization: `Bearer ${config.LAMBDA_API_KEY}` },
    fetch: mapLambdaErrors(fetch),
  });
  return { api: new LambdaApi(http), maxHourlyUsd: config.LAMBDA_MAX_HOURLY_USD };
}
