import { randomUUID } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { ToolError, isToolError } from '../errors/tool-error';
import type { Logger } from '../observability/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { ToolDefinition } from './define-tool';

export interface ToolRunnerDeps<AppContext> {
  logger: Logger;
  metrics: ServerMetrics;
  timeoutMs: number;
  maxResultBytes: number;
  /** The app context, or the ToolError saying why there is none (e.g. missing credentials). */
  context: () => AppContext | ToolError;
  /** Turns vendor SDK errors into ToolErrors; anything it leaves is an internal error. */
  mapError?: (error: unknown) => ToolError | undefined;
}

export type ToolRunner = (rawArgs: unknown, clientSignal?: AbortSignal) => Promise<CallToolResult>;

/**
 * The single wrapper around every handler: validation, context, timeout, result
 * shaping and size cap, error mapping, one log line and metrics per call.
 */
export function createToolRunner<AppContext>(
  tool: ToolDefinition<AppContext>,
  deps: ToolRunnerDeps<AppContext>,
): ToolRunner {
  return async (rawArgs, clientSignal) => {
    const requestId = randomUUID();
    const started = performance.now();
    const logger = deps.logger.child({ tool: tool.name, requestId });
    let outcome = 'ok';
    try {
      const value = await invoke(tool, deps, rawArgs ?? {}, requestId, logger, clientSignal);
      return toResult(tool, value, deps.maxResultBytes);
    } catch (error) {
      const toolError = isToolError(error) ? error : deps.mapError?.(error);
      if (toolError) {
        outcome = toolError.kind;
        return errorResult(toolError.toText());
      }
      outcome = 'internal_error';
      logger.error({ err: error }, 'tool handler failed unexpectedly');
      return errorResult(
        `internal_error: ${tool.name} failed unexpectedly (request id ${requestId}). The server log has the details.`,
      );
    } finally {
      const seconds = (performance.now() - started) / 1000;
      deps.metrics.recordToolCall(tool.name, outcome, seconds);
      logger.info({ outcome, durationMs: Math.round(seconds * 1000) }, 'tool call');
    }
  };
}

async function invoke<AppContext>(
  tool: ToolDefinition<AppContext>,
  deps: ToolRunnerDeps<AppContext>,
  rawArgs: unknown,
  requestId: string,
  logger: Logger,
  clientSignal: AbortSignal | undefined,
): Promise<unknown> {
  const parsed = tool.input.safeParse(rawArgs);
  if (!parsed.success) {
    throw ToolError.invalidInput(`invalid arguments for ${tool.name}:\n${z.prettifyError(parsed.error)}`);
  }
  const appContext = deps.context();
  if (isToolError(appContext)) throw appContext;

  const timeout = AbortSignal.timeout(deps.timeoutMs);
  // Aborted when the call ends, however it ends: requests a handler started in parallel
  // (and their retries) never outlive the call.
  const finished = new AbortController();
  const signal = AbortSignal.any([finished.signal, timeout, ...(clientSignal ? [clientSignal] : [])]);
  const ctx = { ...appContext, signal, requestId, logger };
  try {
    return await raceAbort(tool.handler(parsed.data, ctx), signal, () =>
      timeout.aborted
        ? new ToolError('timeout', `${tool.name} did not finish within ${deps.timeoutMs} ms.`)
        : new ToolError('timeout', `${tool.name} was cancelled by the client.`),
    );
  } finally {
    finished.abort();
  }
}

/** Settles with the work, or rejects as soon as the signal aborts, so no call can hang. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal, reason: () => ToolError): Promise<T> {
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, (error: unknown) => reject(signal.aborted ? reason() : error)).finally(() =>
      signal.removeEventListener('abort', onAbort),
    );
  });
}

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
