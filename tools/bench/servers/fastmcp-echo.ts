/** Row fastmcp: the echo tool on FastMCP's HTTP stream transport in stateless mode. */
import { FastMCP } from 'fastmcp';
import { z } from 'zod';
import { ECHO_TOOL, echoText, listenPort } from './echo-tool';

const server = new FastMCP({ name: 'bench-fastmcp-echo', version: '0.0.0' });
server.addTool({
  name: ECHO_TOOL.name,
  description: ECHO_TOOL.description,
  parameters: z.object({ message: z.string().min(1) }),
  annotations: { title: ECHO_TOOL.title, readOnlyHint: true },
  execute: async ({ message }) => echoText(message),
});

void server.start({ transportType: 'httpStream', httpStream: { port: listenPort(), host: '127.0.0.1', endpoint: '/mcp', stateless: true } });
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
