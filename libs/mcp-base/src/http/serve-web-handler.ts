import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthInfo, McpHttpHandler } from '@modelcontextprotocol/server';

/** Serves one parsed POST /mcp request through the SDK's web-standard handler. */
export type WebHandlerServer = (
  req: IncomingMessage,
  res: ServerResponse,
  parsedBody: unknown,
  authInfo: AuthInfo | undefined,
) => Promise<void>;

/**
 * The Node ↔ Web bridge for the SDK's `handler.fetch`, thinner than @modelcontextprotocol/node's
 * `toNodeHandler`: the body is already parsed, so the `Request` carries none (the SDK takes
 * `parsedBody`); its signal aborts when the client goes away before the answer is complete (that
 * ends the call); and an answer that is complete once its first bytes are ready (a JSON answer, or
 * the single SSE event a call answers with) goes out in one `res.end` with a Content-Length.
 * An answer still streaming (progress, notifications) goes out event by event, with backpressure.
 */
export function serveWebHandler(handler: McpHttpHandler, onError: (error: Error) => void): WebHandlerServer {
  return async (req, res, parsedBody, authInfo) => {
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableEnded) abort.abort();
    });
    if (res.destroyed) abort.abort();
    let response: Response;
    try {
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: requestHeaders(req),
        signal: abort.signal,
      });
      response = await handler.fetch(request, {
        ...(authInfo !== undefined && { authInfo }),
        ...(parsedBody !== undefined && { parsedBody }),
      });
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
      response = internalError(parsedBody);
    }
    await writeResponse(response, res, abort.signal);
  };
}

function requestHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

const STILL_STREAMING = Symbol('still streaming');

async function writeResponse(response: Response, res: ServerResponse, clientGone: AbortSignal): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const pending: Uint8Array[] = [];
  const reader = response.body?.getReader();
  const cancel = () => void reader?.cancel().catch(() => undefined);
  clientGone.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      if (!reader) break;
      const next = reader.read();
      let chunk = pending.length ? await unlessStillStreaming(next) : await next;
      if (chunk === STILL_STREAMING) {
        if (!(await send(res, response.status, headers, pending.splice(0)))) break;
        chunk = await next;
      }
      if (chunk.done) break;
      pending.push(chunk.value);
    }
  } catch {
    // The body failed or was cancelled (client gone): end what was sent.
  } finally {
    clientGone.removeEventListener('abort', cancel);
  }
  if (!res.headersSent) {
    // Headers not written yet: Node sets the Content-Length from the one chunk ended with.
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  }
  res.end(pending.length === 1 ? pending[0] : pending.length ? Buffer.concat(pending) : undefined);
}

/**
 * The next chunk if the stream produces it (or ends) before the event loop moves on, else
 * STILL_STREAMING: a stream the SDK closes right after its last event settles within microtasks.
 */
function unlessStillStreaming<T>(read: Promise<T>): Promise<T | typeof STILL_STREAMING> {
  return new Promise((resolve, reject) => {
    const timer = setImmediate(() => resolve(STILL_STREAMING));
    read.then(
      (value) => {
        clearImmediate(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearImmediate(timer);
        reject(error);
      },
    );
  });
}

/** Writes the chunks so far (headers first), waiting out backpressure; false once the client is gone. */
async function send(res: ServerResponse, status: number, headers: Record<string, string>, chunks: Uint8Array[]): Promise<boolean> {
  if (!res.headersSent) res.writeHead(status, headers);
  for (const chunk of chunks) {
    if (res.destroyed) return false;
    if (!res.write(chunk)) await drained(res);
  }
  return !res.destroyed;
}

/** Resolves on 'drain', or on 'close' (the client went away): a destroyed response never drains. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The adapter's own fallback when `handler.fetch` throws, echoing the request's id where it has one. */
function internalError(body: unknown): Response {
  const { method, id } = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as {
    method?: unknown;
    id?: unknown;
  };
  const echoed = typeof method === 'string' && (typeof id === 'string' || typeof id === 'number') ? id : null;
  return Response.json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: echoed }, { status: 500 });
}
