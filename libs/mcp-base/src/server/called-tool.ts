import type { McpHttpHandler } from '@modelcontextprotocol/server';

/**
 * The tool a request's tools/call names, keyed by the request the SDK then hands the server
 * factory (`ctx.requestInfo`, the same object when a parsed body is passed on, as ours always is).
 * A stateless server is built per request, and registering a tool costs ~40 µs: a tools/call
 * needs only the tool it names, not the dozens the request may use.
 */
const calledTools = new WeakMap<Request, string>();

/** Notes, for the server factory, which tool each POSTed tools/call names. */
export function noteCalledTool(handler: McpHttpHandler): McpHttpHandler {
  return {
    fetch: (request, options) => {
      const name = toolCallName(options?.parsedBody);
      if (name !== undefined) calledTools.set(request, name);
      return handler.fetch(request, options);
    },
    close: () => handler.close(),
    notify: handler.notify,
    bus: handler.bus,
  };
}

/** The tool this request calls, when it is one tools/call (not a batch, not another method). */
export function calledToolOf(request: Request | undefined): string | undefined {
  return request && calledTools.get(request);
}

function toolCallName(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { method, params } = body as { method?: unknown; params?: { name?: unknown } };
  return method === 'tools/call' && typeof params?.name === 'string' ? params.name : undefined;
}
