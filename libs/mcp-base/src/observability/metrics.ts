import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type ToolOutcome = 'ok' | 'error' | 'not_configured' | 'invalid_input' | 'timeout' | 'internal_error' | string;

/** The metrics every server exports on /metrics. One registry per server instance. */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly toolCalls = new Counter({
    name: 'mcp_tool_calls_total',
    help: 'Tool calls by tool and outcome (ok or the error kind).',
    labelNames: ['tool', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly toolDuration = new Histogram({
    name: 'mcp_tool_duration_seconds',
    help: 'Tool call duration in seconds.',
    labelNames: ['tool'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly upstreamRequests = new Counter({
    name: 'mcp_upstream_requests_total',
    help: 'Requests sent to the upstream vendor API, by HTTP status (or "error" when no response came).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  recordToolCall(tool: string, outcome: ToolOutcome, seconds: number): void {
    this.toolCalls.inc({ tool, outcome });
    this.toolDuration.observe({ tool }, seconds);
  }

  /** Called by upstream clients for every response (or failure to get one). */
  recordUpstream(status: number | 'error'): void {
    this.upstreamRequests.inc({ status: String(status) });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
