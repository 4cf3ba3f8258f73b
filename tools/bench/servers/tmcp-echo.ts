/**
 * Row tmcp: the echo tool on tmcp with @tmcp/transport-http (Web Request → Response) behind
 * node:http, converted both ways here in the fewest steps (the transport's docs leave the
 * server adapter to the user).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ZodJsonSchemaAdapter } from '@tmcp/adapter-zod';
import { HttpTransport } from '@tmcp/transport-http';
import { McpServer } from 'tmcp';
import { z } from 'zod';
import { ECHO_TOOL, echoText, listenPort } from './echo-tool';

const server = new McpServer(
  { name: 'bench-tmcp-echo', version: '0.0.0', description: 'Echo server for the benchmark.' },
  { adapter: new ZodJsonSchemaAdapter(), capabilities: { tools: { listChanged: false } } },
);
server.tool(
  { name: ECHO_TOOL.name, title: ECHO_TOOL.title, description: ECHO_TOOL.description, schema: z.object({ message: z.string().min(1) }) },
  async ({ message }) => ({ content: [{ type: 'text', text: echoText(message) }] }),
);
const transport = new HttpTransport(server, { path: '/mcp' });

async function toWebRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  return new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
}

function sendWebResponse(response: Response, res: ServerResponse): void {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  // SSE: the stream ends after the tools/call result; pipe it as it comes.
  Readable.fromWeb(response.body as NodeReadableStream).pipe(res);
}

const httpServer = createServer((req, res) => {
  void toWebRequest(req)
    .then((request) => transport.respond(request))
    .then((response) => sendWebResponse(response ?? new Response(null, { status: 404 }), res));
});

httpServer.listen(listenPort(), '127.0.0.1');
process.once('SIGTERM', () => {
  httpServer.closeAllConnections();
  httpServer.close(() => process.exit(0));
});
