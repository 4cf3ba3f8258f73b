import { randomUUID } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log';
import { ToolError, findToolError, isToolError } from '../errors/tool-error';
import { ANONYMOUS, type Caller } from '../identity/caller';
import type { ClientRateLimits } from '../limits/client-rate-limit';
import type { Logger } from '../observability/logger';
import type { ServerMetrics } from '../observability/metrics';
import { runInCallScope } from '../upstream/call-scope';
import type { ToolDefinition } from './define-tool';
import { firstIllFormedString } from './well-formed';

export interface ToolRunnerDeps<AppContext> {
  logger: Logger;
  metrics: ServerMetrics;
  timeoutMs: number;
  maxResultBytes: number;
  /** The app context, or the ToolError saying why there is none (e.g. missing credentials). */
  context: () => AppContext | ToolError;
  /** Turns vendor SDK errors into ToolErrors; anything it leaves is an internal error. */
  mapError?: (error: unknown) => ToolError | undefined;
  /** Aborts every call still running when the shutdown grace period ends: each then answers an error. */
  shutdownSignal?: AbortSignal;
  /** Refuses a call before anything runs when its client has used up its allowance (MCP_CLIENT_RATE_LIMIT). */
  clientLimits?: ClientRateLimits;
  /** Writes the call's audit line (MCP_AUDIT_LOG). */
  audit?: AuditLog;
}

export type ToolRunner = (rawArgs: unknown, clientSignal?: AbortSignal, caller?: Caller) => Promise<CallToolResult>;

/**
 * The single wrapper around every handler: validation, context, timeout, result
 * shaping and size cap, error mapping, one log line and one audit line (the same line when the
 * audit log is the server log) and metrics per call;
 * the per-client rate limit before all of it.
 */
export function createToolRunner<AppContext>(
  tool: ToolDefinition<AppContext>,
  deps: ToolRunnerDeps<AppContext>,
): ToolRunner {
  const declaredArgs = Object.keys(tool.input.shape);
  return async (rawArgs, clientSignal, caller = ANONYMOUS) => {
    const requestId = randomUUID();
    const started = performance.now();
    const fields = { tool: tool.name, requestId };
    let outcome = 'ok';
    try {
      const refusal = deps.clientLimits?.refuse(caller.client, tool);
      if (refusal) {
        outcome = 'rejected';
        return errorResult(refusal.toText());
      }
      const value = await invoke(tool, deps, rawArgs ?? {}, requestId, clientSignal);
      return toResult(tool, value, deps.maxResultBytes);
    } catch (error) {
      // Ours first, also when an SDK wrapped it (Octokit, Slack): it is the precise one.
      const toolError = findToolError(error) ?? deps.mapError?.(error);
      if (toolError) {
        outcome = toolError.kind;
        return errorResult(toolError.toText());
      }
      outcome = 'internal_error';
      deps.logger.error({ ...fields, err: error }, 'tool handler failed unexpectedly');
      return errorResult(
        `internal_error: ${tool.name} failed unexpectedly (request id ${requestId}). The server log has the details.`,
      );
    } finally {
      const seconds = (performance.now() - started) / 1000;
      deps.metrics.recordToolCall(tool.name, outcome, seconds);
      const durationMs = Math.round(seconds * 1000);
      // An audit line on the server log is the call's log line too: one write per call, not two.
      const audited = deps.audit?.record({ requestId, tool: tool.name, caller, rawArgs, declaredArgs, outcome, durationMs });
      if (!audited) deps.logger.info({ ...fields, outcome, durationMs }, 'tool call');
    }
  };
}

async function invoke<AppContext>(
  tool: ToolDefinition<AppContext>,
  deps: ToolRunnerDeps<AppContext>,
  rawArgs: unknown,
  requestId: string,
  clientSignal: AbortSignal | undefined,
): Promise<unknown> {
  const illFormed = firstIllFormedString(rawArgs);
  if (illFormed) {
    throw ToolError.invalidInput(
      `invalid arguments for ${tool.name}: ${illFormed} is not well-formed Unicode (a lone UTF-16 surrogate); send valid UTF-8 text.`,
    );
  }
  const parsed = tool.input.safeParse(rawArgs);
  if (!parsed.success) {
    throw ToolError.invalidInput(`invalid arguments for ${tool.name}:\n${z.prettifyError(parsed.error)}`);
  }
  const appContext = deps.context();
  if (isToolError(appContext)) throw appContext;

  // One signal per call, aborted on timeout, on client cancel and when the call ends however it
  // ends, so requests a handler started in parallel never outlive the call. Made only when the
  // handler or its upstream requests read it: making and aborting one costs more than a small call.
  let controller: AbortController | undefined;
  let ended: 'timeout' | 'shutdown' | 'cancelled' | 'finished' | undefined;
  let stop: ((error: ToolError) => void) | undefined;
  const end = (why: 'timeout' | 'shutdown' | 'cancelled') => {
    if (ended) return;
    ended = why;
    controller?.abort(CALL_ABORTED);
    stop?.(endedError(tool.name, why, deps.timeoutMs));
  };
  const signal = (): AbortSignal => {
    if (!controller) {
      controller = new AbortController();
      if (ended) controller.abort(CALL_ABORTED);
    }
    return controller.signal;
  };
  const timer = setTimeout(() => end('timeout'), deps.timeoutMs);
  const onClientAbort = () => end('cancelled');
  const onShutdown = () => end('shutdown');
  if (clientSignal?.aborted) onClientAbort();
  if (deps.shutdownSignal?.aborted) onShutdown();
  clientSignal?.addEventListener('abort', onClientAbort, { once: true });
  deps.shutdownSignal?.addEventListener('abort', onShutdown, { once: true });
  let logger: Logger | undefined;
  const ctx = {
    ...appContext,
    get signal(): AbortSignal {
      return signal();
    },
    requestId,
    // A child logger costs more than most calls spend logging: made only if the handler logs.
    get logger(): Logger {
      return (logger ??= deps.logger.child({ tool: tool.name, requestId }));
    },
  };
  const scope = {
    get signal(): AbortSignal {
      return signal();
    },
    requestId,
    deadline: Date.now() + deps.timeoutMs,
    readOnly: tool.annotations.readOnlyHint,
    get logger() {
      return ctx.logger;
    },
  };
  try {
    const work = runInCallScope(scope, () => tool.handler(parsed.data, ctx));
    // Settles with the work, or rejects as soon as the call ends, so no call can hang.
    return await new Promise<unknown>((resolve, reject) => {
      stop = reject;
      work.then(resolve, (error: unknown) => {
        const why = ended;
        reject(why && why !== 'finished' ? endedError(tool.name, why, deps.timeoutMs) : error);
      });
      if (ended && ended !== 'finished') reject(endedError(tool.name, ended, deps.timeoutMs));
    });
  } finally {
    ended ??= 'finished';
    clearTimeout(timer);
    clientSignal?.removeEventListener('abort', onClientAbort);
    deps.shutdownSignal?.removeEventListener('abort', onShutdown);
    controller?.abort(CALL_ABORTED);
  }
}

function endedError(name: string, why: 'timeout' | 'shutdown' | 'cancelled', timeoutMs: number): ToolError {
  if (why === 'timeout') return new ToolError('timeout', `${name} did not finish within ${timeoutMs} ms.`);
  if (why === 'shutdown') {
    return new ToolError(
      'timeout',
      `${name} was stopped because the server is shutting down (MCP_SHUTDOWN_TIMEOUT_MS passed). Call it again.`,
    );
  }
  return new ToolError('timeout', `${name} was cancelled by the client.`);
}

/**
 * The abort reason for every call, made once (building a DOMException per call shows up
 * in profiles). Named AbortError because HTTP clients (fetch, Octokit) treat that name as
 * "cancelled, do not retry".
 */
const CALL_ABORTED = new DOMException('The tool call ended (finished, timed out or cancelled).', 'AbortError');

function toResult(tool: Pick<ToolDefinition<unknown>, 'name' | 'output'>, value: unknown, maxBytes: number): CallToolResult {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw ToolError.invalidInput(
      `the result of ${tool.name} is ${bytes} bytes, over the ${maxBytes}-byte cap (MCP_MAX_RESULT_BYTES). ` +
        'Narrow the request: a smaller limit, a more specific path or query.',
    );
  }
  const result: CallToolResult = { content: [{ type: 'text', text }] };
  if (tool.output && value !== null && typeof value === 'object') {
    result.structuredContent = value as Record<string, unknown>;
  }
  return result;
}

function errorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}
