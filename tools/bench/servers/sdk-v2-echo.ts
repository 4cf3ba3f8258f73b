/**
 * Row sdk-v2: the echo tool on the bare MCP SDK v2 — createMcpHandler (one McpServer
 * per request from the factory, default stateless legacy serving) behind toNodeHandler
 * on a plain node:http server. No Express, no guard, no logging, no metrics.
 */
import { createServer } from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { z } from 'zod';
import { ECHO_TOOL, echoText, listenPort } from './echo-tool';

const inputSchema = z.object({ message: z.string().min(1) });

const handler = createMcpHandler(() => {
  const server = new McpServer({ name: 'bench-bare-echo', version: '0.0.0' }, { capabilities: { tools: {} } });
  server.registerTool(
    ECHO_TOOL.name,
    { title: ECHO_TOOL.title, description: ECHO_TOOL.description, inputSchema, annotations: { readOnlyHint: true } },
    async ({ message }) => ({ content: [{ type: 'text', text: echoText(message) }] }),
  );
  return server;
});
const serve = toNodeHandler(handler);

const httpServer = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/mcp') {
    void serve(req, res);
    return;
  }
  res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
  res.end(req.url === '/healthz' ? '{"status":"ok"}' : '{"error":"not found"}');
});

const port = listenPort();
httpServer.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ msg: 'bare-echo listening', port })}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    httpServer.closeAllConnections();
    httpServer.close(() => void handler.close().then(() => process.exit(0)));
  });
}
