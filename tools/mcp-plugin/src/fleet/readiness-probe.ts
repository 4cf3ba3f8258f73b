import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a server's GET /readyz answers (mcp-base's HTTP contract; 200 when ready, else 503). */
export interface ReadinessReport {
  ready: boolean;
  status: 'ready' | 'starting' | 'not_configured' | 'not_ready' | 'shutting_down';
  tools: number;
  missing?: string[];
  /** not_configured: what to set, from the manifest's declaration ("A; and one of: B (x), or C (y)"). */
  need?: string;
  reason?: string;
}

/** One GET /readyz; undefined while nothing answers yet (still starting) or on a garbled answer. */
export function probeReadiness(host: string, port: number, timeoutMs = 2000): Promise<ReadinessReport | undefined> {
  return new Promise((resolve) => {
    // agent:false: no keep-alive socket that would hold the server open when it drains.
    const request = get({ host, port, path: '/readyz', agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(parseReport(body)));
      response.on('error', () => resolve(undefined));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

function parseReport(body: string): ReadinessReport | undefined {
  try {
    const report = JSON.parse(body) as Partial<ReadinessReport>;
    return typeof report.status === 'string' && typeof report.tools === 'number' ? (report as ReadinessReport) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Polls /readyz and reports each new answer until the server has settled: ready, or not
 * configured (nothing changes that but a restart), or `signal` aborts (the process exited, or
 * the fleet is stopping). A server whose store cannot open yet (`not_ready`) is reported and
 * watched on, so it turns ready in the table once its database comes up.
 */
export async function watchReadiness(
  host: string,
  port: number,
  signal: AbortSignal,
  onReport: (report: ReadinessReport) => void,
): Promise<void> {
  let last = '';
  for (let delayMs = 100; !signal.aborted; delayMs = Math.min(delayMs * 2, 1000)) {
    const report = await probeReadiness(host, port);
    if (signal.aborted) return;
    if (report && report.status !== 'shutting_down' && report.status !== 'starting') {
      const seen = JSON.stringify(report);
      if (seen !== last) onReport(report);
      last = seen;
      if (report.status !== 'not_ready') return;
    }
    await sleep(delayMs, undefined, { signal }).catch(() => undefined);
  }
}

/** Where to reach a server bound to `bindHost`: a wildcard bind is reached over loopback. */
export function probeHost(bindHost: string): string {
  if (bindHost === '0.0.0.0' || bindHost === '') return '127.0.0.1';
  if (bindHost === '::' || bindHost === '[::]') return '::1';
  return bindHost.replace(/^\[(.*)\]$/, '$1');
}
