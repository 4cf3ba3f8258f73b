import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `http://127.0.0.1:<port>/mcp` */
  mcpUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote so far (JSON log lines). */
  output: () => string;
  /** SIGTERM, then wait for exit; resolves with the exit code. */
  stop: () => Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts a built server bundle (`node dist/apps/<app>/main.js`) on a free port with
 * exactly the given environment, and waits until /healthz answers.
 */
export async function startServerProcess(
  bundlePath: string,
  env: Record<string, string> = {},
  options: { timeoutMs?: number; cwd?: string } = {},
): Promise<ServerProcess> {
  const { timeoutMs = 15_000, cwd } = options;
  const port = await freePort();
  // `cwd` lets a spec run the bundle from an unrelated directory, as the image does.
  const child = spawn(process.execPath, [bundlePath], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env, MCP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was healthy:\n${output}`);
    const healthy = await fetch(`${baseUrl}/healthz`).then((res) => res.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    mcpUrl: `${baseUrl}/mcp`,
    port,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface ClientOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
}

const authHeaders = (options: ClientOptions): Record<string, string> =>
  options.token ? { Authorization: `Bearer ${options.token}` } : {};

/** The current SDK (v2) client, pinned to the 2026-07-28 protocol. */
export async function connectHttpClient(mcpUrl: string, options: ClientOptions = {}): Promise<Client> {
  const client = new Client(
    { name: 'mcp-testing-v2', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(mcpUrl), { requestInit: { headers: authHeaders(options) } }),
  );
  return client;
}

/** The v1 SDK client speaking the 2025 protocol, as Cursor and the Inspector do. */
export async function connectLegacyHttpClient(mcpUrl: string, options: ClientOptions = {}): Promise<LegacyClient> {
  const client = new LegacyClient({ name: 'mcp-testing-v1', version: '1.0.0' });
  await client.connect(new LegacyTransport(new URL(mcpUrl), { requestInit: { headers: authHeaders(options) } }));
  return client;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A raw HTTP request with full control of the headers, including `Host`
 * (fetch forbids setting it): for Host/Origin/auth checks.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A JSON-RPC tools/list POST as a 2025 client sends it, for raw checks. */
export const jsonRpcPost = (body: unknown = { jsonrpc: '2.0', id: 1, method: 'ping' }) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-11-25',
  },
  body: JSON.stringify(body),
});

/**
 * The e2e tool call every server proves: start the built bundle with `env`, call one tool
 * through the 2026-07-28 client (SDK v2) and the 2025 client (SDK v1), stop the server.
 * Resolves with both results, modern first.
 */
export async function callToolOverHttp(
  bundle: string,
  env: Record<string, string>,
  call: { name: string; arguments: Record<string, unknown> },
) {
  const server = await startServerProcess(bundle, env);
  try {
    const modern = await connectHttpClient(server.mcpUrl);
    const legacy = await connectLegacyHttpClient(server.mcpUrl);
    try {
      return [await modern.callTool(call), await legacy.callTool(call)] as const;
    } finally {
      await Promise.all([modern.close(), legacy.close()]);
    }
  } finally {
    await server.stop();
  }
}
