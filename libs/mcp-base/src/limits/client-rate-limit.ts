import { TokenBucket } from 'limiter';
import { z } from 'zod';
import { ToolError } from '../errors/tool-error';
import type { ToolAnnotations } from '../tools/define-tool';

/** Tools are limited by class: reads (readOnlyHint) and everything else. */
export type ToolClass = 'read' | 'write';

export interface Rate {
  calls: number;
  per: 'second' | 'minute' | 'hour';
}

export type ClientRateLimitSpec = Partial<Record<ToolClass, Rate>>;

const UNITS: Record<string, Rate['per']> = {
  s: 'second', sec: 'second', second: 'second',
  m: 'minute', min: 'minute', minute: 'minute',
  h: 'hour', hr: 'hour', hour: 'hour',
};
const MS_PER: Record<Rate['per'], number> = { second: 1_000, minute: 60_000, hour: 3_600_000 };
const ENTRY = /^(read|write)\s*=\s*(\d+)\s*\/\s*([a-z]+)$/;

/** MCP_CLIENT_RATE_LIMIT: `read=120/min,write=20/min` (either may be left out: that class is not limited). */
export const clientRateLimitEnv = () =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const spec: ClientRateLimitSpec = {};
      for (const entry of (value ?? '').split(',').map((item) => item.trim().toLowerCase()).filter(Boolean)) {
        const match = ENTRY.exec(entry);
        const per = match ? UNITS[match[3] as string] : undefined;
        const calls = Number(match?.[2]);
        if (!match || !per || calls < 1 || !Number.isSafeInteger(calls) || spec[match[1] as ToolClass]) {
          ctx.addIssue({ code: 'custom', message: `"${entry}": expected read=N/min or write=N/min (N >= 1; units s, min, h), each class once` });
          continue;
        }
        spec[match[1] as ToolClass] = { calls, per };
      }
      return spec;
    });

export const toolClassOf = (annotations: ToolAnnotations): ToolClass => (annotations.readOnlyHint ? 'read' : 'write');

/**
 * A token bucket per bearer identity and tool class, in this process: a client may burst up to
 * its whole allowance, then calls refill evenly over the period. With N replicas a client gets
 * up to N times the allowance (each pod counts its own calls).
 */
export class ClientRateLimits {
  /** Keyed by identity and class; identities come from the configured tokens, so the map stays small. */
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly spec: ClientRateLimitSpec) {}

  get active(): boolean {
    return Boolean(this.spec.read ?? this.spec.write);
  }

  /** Counts the call, or returns the rate_limited error saying when to retry when the client has none left. */
  refuse(client: string, tool: { name: string; annotations: ToolAnnotations }): ToolError | undefined {
    const toolClass = toolClassOf(tool.annotations);
    const rate = this.spec[toolClass];
    if (!rate) return undefined;
    const bucket = this.bucketOf(`${toolClass}\0${client}`, rate);
    if (bucket.tryRemoveTokens(1)) return undefined;
    const retryAfterSeconds = Math.max(1, Math.ceil(bucket.getWaitTime(1) / 1000));
    return new ToolError(
      'rate_limited',
      `client "${client}" has used its ${rate.calls} ${toolClass} calls per ${rate.per} on this server ` +
        `(MCP_CLIENT_RATE_LIMIT); ${tool.name} was not run.`,
      { retryAfterSeconds },
    );
  }

  private bucketOf(key: string, rate: Rate): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket({ bucketSize: rate.calls, tokensPerInterval: rate.calls, interval: MS_PER[rate.per] });
      // A bucket starts empty; a client's first calls should not wait for it to fill.
      bucket.content = rate.calls;
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
