import { toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { GongConfig } from './config';
import { GongApi } from './gong-api';

export interface GongContext {
  gong: GongApi;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineGongTool = toolDefiner<GongContext>();

/**
 * The only place that reads the key pair. The base calls it only once both are set; its upstream
 * fetch adds timeouts, retries, metrics and the pace Gong documents (3 requests/s per company).
 */
export function createGongContext(config: GongConfig, deps: Pick<ContextDeps, 'upstreamFetch'>): GongContext {
  const basic = Buffer.from(`${config.GONG_ACCESS_KEY}:${config.GONG_ACCESS_SECRET}`, 'utf8').toString('base64');
  const fetch = deps.upstreamFetch('Gong', {
    pacing: { requestsPerSecond: config.GONG_MAX_REQUESTS_PER_SECOND },
    // A 429 is still retried and waited out by the base; the one it gives up on comes back as a response
    // for GongApi to report. Kept although the base now reads Gong's `errors: ["…"]` bodies: the base
    // would pass on a body that echoes the Basic credential, GongApi cuts it out (upstream-errors.spec).
    rateLimit: () => undefined,
  });
  return { gong: new GongApi(fetch, config.GONG_API_URL, `Basic ${basic}`) };
}
