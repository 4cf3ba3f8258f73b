/**
 * Row sdk-v1: the echo tool on the official SDK v1 in its documented stateless mode: one
 * McpServer and one StreamableHTTPServerTransport (no session id generator) per request, on
 * plain node:http.
 */
import { createServer } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { ECHO_TOOL, echoText, listenPort } from './echo-tool';

function echoServer(): McpServer {
  const server = new McpServer({ name: 'bench-sdk-v1-echo', version: '0.0.0' });
  server.registerTool(
    ECHO_TOOL.name,
    { title: ECHO_TOOL.title, description: ECHO_TOOL.description, inputSchema: { message: z.string().min(1) }, annotations: { readOnlyHint: true } },
    async ({ message }) => ({ content: [{ type: 'text', text: echoText(message) }] }),
  );
  return server;
}

const httpServer = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  const server = echoServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  void server.connect(transport).then(() => transport.handleRequest(req, res));
});

httpServer.listen(listenPort(), '127.0.0.1');
process.once('SIGTERM', () => {
  httpServer.closeAllConnections();
  httpServer.close(() => process.exit(0));
});
