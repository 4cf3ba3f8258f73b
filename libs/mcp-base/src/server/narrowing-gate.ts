import type { McpHttpHandler } from '@modelcontextprotocol/server';

/**
 * Refuses, before the SDK serves it, a request whose X-MCP-* narrowing headers are malformed or
 * name a tool or toolset the app does not have (400, JSON-RPC error): a typo in a client's
 * configuration must not silently serve it fewer tools than meant, just as a typo in MCP_TOOLS
 * stops the server.
 */
export function refuseBadNarrowing(handler: McpHttpHandler, problemOf: (headers: Headers) => string | undefined): McpHttpHandler {
  return {
    fetch: async (request, options) => {
      const problem = problemOf(request.headers);
      if (!problem) return handler.fetch(request, options);
      const error = { code: -32000, message: `Bad Request: ${problem}` };
      return Response.json({ jsonrpc: '2.0', error, id: requestIdOf(options?.parsedBody) }, { status: 400 });
    },
    close: () => handler.close(),
    notify: handler.notify,
    bus: handler.bus,
  };
}

function requestIdOf(body: unknown): string | number | null {
  const id = (body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
