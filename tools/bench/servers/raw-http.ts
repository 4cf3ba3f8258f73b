/**
 * Row raw: the ceiling. node:http parses the JSON-RPC request and answers the echo result as
 * plain JSON: no MCP library, no validation, no SSE. What Node's HTTP stack alone can serve.
 */
import { createServer } from 'node:http';
import { echoText, listenPort } from './echo-tool';

interface EchoRequest {
  id?: number | string;
  params?: { arguments?: { message?: string } };
}

const httpServer = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as EchoRequest;
    const text = echoText(request.params?.arguments?.message ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: request.id ?? null, result: { content: [{ type: 'text', text }] } }));
  });
});

httpServer.listen(listenPort(), '127.0.0.1');
process.once('SIGTERM', () => {
  httpServer.closeAllConnections();
  httpServer.close(() => process.exit(0));
});
