import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServerProcess } from './http-harness';

/** A loopback upstream that answers every request `{}` after `delayMs`: calls stay in flight that long. */
export interface SlowUpstream {
  url: string;
  /** Requests that reached it so far. */
  received: () => number;
  close: () => Promise<void>;
}

export async function serveSlowUpstream(delayMs: number): Promise<SlowUpstream> {
  let received = 0;
  const server = createServer((req, res) => {
    received += 1;
    req.resume();
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), delayMs);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface DrainCheckOptions {
  bundle: string;
  env: Record<string, string>;
  call: { name: string; arguments: Record<string, unknown> };
  /** Calls in flight at SIGTERM (default 12). */
  calls?: number;
  /** MCP_SHUTDOWN_TIMEOUT_MS of the process (default 8,000): the grace period it must exit within. */
  graceMs?: number;
}

export interface DrainOutcome {
  /** One per call: the JSON-RPC `result` it was answered with, or what went wrong instead. */
  answers: Array<{ result?: { isError?: boolean }; problem?: string }>;
  exitCode: number | null;
  /** SIGTERM to exit. */
  exitMs: number;
  output: string;
}

/**
 * Sends `calls` tools/call requests, each on its own connection, and sends SIGTERM as soon as
 * every request has been written to its socket: calls the server may not have read yet. Resolves
 * once the process has exited, with every call's answer.
 */
export async function runDrainCheck(options: DrainCheckOptions): Promise<DrainOutcome> {
  const { calls = 12, graceMs = 8_000 } = options;
  const server = await startServerProcess(options.bundle, { ...options.env, MCP_SHUTDOWN_TIMEOUT_MS: String(graceMs) });
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const exited = new Promise<number>((resolve) => server.child.once('exit', () => resolve(Date.now())));
  try {
    const written: Array<Promise<void>> = [];
    const answers = Array.from({ length: calls }, (_unused, index) =>
      postCall(server.mcpUrl, agent, index + 1, options.call, (flushed) => written.push(flushed)),
    );
    await Promise.all(written);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const settled = await Promise.all(answers);
    const exitedAt = await exited;
    return { answers: settled, exitCode: server.child.exitCode, exitMs: exitedAt - signalledAt, output: server.output() };
  } finally {
    agent.destroy();
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
}

function postCall(
  url: string,
  agent: Agent,
  id: number,
  call: DrainCheckOptions['call'],
  onWritten: (flushed: Promise<void>) => void,
): Promise<DrainOutcome['answers'][number]> {
  return new Promise((resolve) => {
    const req = httpRequest(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' },
    });
    onWritten(new Promise((flushed) => req.once('finish', () => flushed())));
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          // A JSON answer, or one SSE event carrying it.
          const message = JSON.parse(/^data: (.*)$/m.exec(body)?.[1] ?? body) as { id?: number; result?: { isError?: boolean } };
          if (message.id === id && message.result) resolve({ result: message.result });
          else resolve({ problem: `HTTP ${res.statusCode}: ${body.slice(0, 200)}` });
        } catch {
          resolve({ problem: `HTTP ${res.statusCode}, not JSON-RPC: ${body.slice(0, 200)}` });
        }
      });
    });
    req.on('error', (error) => resolve({ problem: `no answer: ${error.message}` }));
    req.end(JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: call }));
  });
}
