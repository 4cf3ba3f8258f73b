import PQueue from 'p-queue';
import { ToolError } from '../errors/tool-error';
import { currentCall } from './call-scope';

/**
 * Client-side pacing for a vendor with a documented request rate (Gong ~3/s, HubSpot search ~4/s):
 * requests wait their turn in-process instead of being answered 429. Per process: with several
 * replicas sharing one account, divide the rate between them.
 */
export interface PacingOptions {
  /** Requests started per second at most, evenly spaced (0.5 = one every 2 s). */
  requestsPerSecond: number;
  /** Which requests count against this pace; default all (e.g. only HubSpot's `/search` endpoints). */
  applies?: (url: URL, method: string) => boolean;
}

/** Waits for the next free slot of one pace; shared by every request of one upstream fetch. */
export type Pacer = (service: string, input: RequestInfo | URL, method: string, signal?: AbortSignal | null) => Promise<void>;

/**
 * A pace built on p-queue's sliding window (`strict`): one start per 1000/rps ms, in arrival order.
 * Inside a tool call a queued request ends with the call (abort or timeout), and a request whose
 * turn would come after the call's deadline fails at once as `rate_limited`, naming the wait.
 */
export function createPacer(options: PacingOptions): Pacer {
  if (!(options.requestsPerSecond > 0)) throw new Error('pacing: requestsPerSecond must be a positive number.');
  const spacingMs = Math.ceil(1000 / options.requestsPerSecond);
  const queue = new PQueue({ concurrency: 1, interval: spacingMs, intervalCap: 1, strict: true });
  let lastStart = Number.NEGATIVE_INFINITY;

  return async (service, input, method, requestSignal) => {
    const url = input instanceof Request ? input.url : String(input);
    if (options.applies && !options.applies(new URL(url), method)) return;
    const call = currentCall();
    // Each request still queued ahead of this one takes one spacing after the last start.
    const ahead = queue.size;
    const turn = Math.max(Date.now(), lastStart + (ahead + 1) * spacingMs);
    if (call && turn > call.deadline) {
      const waitSeconds = Math.ceil((turn - Date.now()) / 1000);
      throw new ToolError(
        'rate_limited',
        `${service} requests are paced to ${options.requestsPerSecond}/s client-side and ${ahead} are queued ahead: ` +
          `this one would wait about ${waitSeconds}s, past the end of the call.`,
        { retryAfterSeconds: waitSeconds },
      );
    }
    const signals = [call?.signal, requestSignal ?? undefined].filter((signal): signal is AbortSignal => Boolean(signal));
    await queue.add(
      () => {
        lastStart = Date.now();
      },
      { signal: signals.length ? AbortSignal.any(signals) : undefined },
    );
  };
}
