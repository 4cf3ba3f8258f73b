/**
 * Row mcp-base: the echo tool served by @sophia/mcp-base with everything a real server has —
 * startMcpServer on plain node:http, Host/Origin guard, body limit, tool runner (input
 * validation, timeout, result cap), pino logging at info (one line per call) and
 * prom-client metrics. Configured by the environment like any app (MCP_PORT, LOG_LEVEL).
 */
import { defineMcpApp, startMcpServer, toolDefiner } from '@sophia/mcp-base';
import { z } from 'zod';
import { ECHO_TOOL, echoText } from './echo-tool';

const defineTool = toolDefiner<Record<string, never>>();

const echo = defineTool({
  ...ECHO_TOOL,
  toolset: 'basics',
  input: z.object({ message: z.string().min(1) }),
  annotations: { readOnlyHint: true },
  handler: async ({ message }) => echoText(message),
});

const benchApp = defineMcpApp({
  manifest: {
    name: 'bench-echo-mcp',
    title: 'Bench echo',
    description: 'Echo server for the benchmark (tools/bench).',
    port: 9098,
  },
  version: '0.0.0',
  tools: [echo],
  config: z.object({}),
  createContext: () => ({}),
});

void startMcpServer(benchApp);
