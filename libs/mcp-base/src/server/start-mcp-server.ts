import { createServer, type Server } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { createHttpApp } from '../http/create-http-app';
import { noteCalledTool } from './called-tool';
import { createRuntime, type McpRuntime, type RuntimeOptions } from './create-runtime';
import { refuseBadNarrowing } from './narrowing-gate';
import type { McpAppDefinition } from './mcp-app';

export interface RunningMcpServer {
  runtime: McpRuntime;
  url: string;
  port: number;
  /** Stops accepting, lets in-flight calls finish (up to MCP_SHUTDOWN_TIMEOUT_MS), closes the app context. */
  close: () => Promise<void>;
}

export interface StartOptions extends Partial<RuntimeOptions> {
  /** Exit the process on SIGTERM/SIGINT after draining (default true; tests pass false). */
  handleSignals?: boolean;
}

/** The whole server in one call: an app's main.ts is `startMcpServer(app)`. */
export async function startMcpServer<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
  options: StartOptions = {},
): Promise<RunningMcpServer> {
  try {
    return await start(app, options);
  } catch (error) {
    if (options.handleSignals === false) throw error;
    // Bad configuration or a taken port is the operator's to fix: say exactly what, then stop.
    process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: (error as Error).message })}\n`);
    process.exit(1);
  }
}

async function start<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
  options: StartOptions,
): Promise<RunningMcpServer> {
  const runtime = await createRuntime(app, { env: process.env, ...options });
  const { config, logger, manifest } = runtime;
  const mcpHandler = createMcpHandler(runtime.serverFactory, {
    onerror: (error) => logger.debug({ err: error }, 'MCP protocol error'),
    maxRequestBodySize: config.maxBodyBytes,
  });
  const httpServer = createServer(
    createHttpApp({
      config,
      mcpHandler: refuseBadNarrowing(noteCalledTool(mcpHandler), runtime.narrowingProblem),
      readiness: runtime.readiness,
      metrics: runtime.metrics,
      logger,
    }),
  );
  // Listen first, then let the store open (an embedded one takes seconds): /healthz answers at once
  // and /readyz says `starting` until it is open. start() resolves once the first check settled (bounded).
  await listen(httpServer, config.port, config.host, manifest.name);
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/mcp`;
  logger.info(
    { url, tools: runtime.tools.length, readiness: runtime.readiness().status, readOnly: config.readOnly },
    `${manifest.name} listening`,
  );

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      runtime.beginShutdown();
      logger.info('shutting down: draining in-flight requests');
      await drain(httpServer, config.shutdownTimeoutMs, runtime.abortCalls);
      await mcpHandler.close();
      await runtime.dispose();
      logger.info('shut down');
    })());

  if (options.handleSignals !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        void close().then(() => process.exit(0));
      });
    }
  }
  await runtime.settled();
  return { runtime, url, port, close };
}

function listen(server: Server, port: number, host: string, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`${name}: port ${port} on ${host} is already in use (set MCP_PORT to move it)`));
      } else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

/**
 * Stops accepting, lets every call already sent finish, then resolves once every connection is
 * closed. At the deadline the calls still running are ended (each answers a tool error rather than
 * a hang-up), and what is still open shortly after is cut.
 *
 * No call sent before the signal may be lost, and three kinds look idle or absent to Node:
 * - a connection still in the kernel's accept queue: closing the listener resets it, and the loop
 *   accepts one connection per iteration, so listening stops only after an iteration accepted none;
 * - a connection just accepted whose request is not read yet;
 * - a keep-alive connection whose next request is still in the receive buffer.
 * Idle connections are only ever closed after the loop has polled its sockets once more, which turns
 * such bytes into a request in progress. http.Server's close() closes idle connections at once, so
 * the listener is closed with net.Server's, and idle connections by the sweep.
 */
function drain(server: Server, timeoutMs: number, endCalls: () => void): Promise<void> {
  return new Promise((resolve) => {
    let sweep: NodeJS.Timeout | undefined;
    let cut: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => {
      endCalls();
      cut = setTimeout(() => server.closeAllConnections(), ANSWER_FLUSH_MS);
    }, timeoutMs);
    afterAcceptQueueEmpty(server, () => {
      NetServer.prototype.close.call(server, () => {
        clearInterval(sweep);
        clearTimeout(deadline);
        clearTimeout(cut);
        resolve();
      });
      // Keep-alive connections turn idle as their calls finish: close those as they appear.
      sweep = setInterval(() => afterPendingReads(() => server.closeIdleConnections()), 50);
    });
  });
}

/**
 * Runs `work` once an event-loop iteration has accepted no new connection (the accept queue is
 * empty), or after ACCEPT_WINDOW_MS of steady new connections at the latest.
 */
function afterAcceptQueueEmpty(server: Server, work: () => void): void {
  let accepted = 0;
  const count = () => (accepted += 1);
  server.on('connection', count);
  const stopAt = Date.now() + ACCEPT_WINDOW_MS;
  const check = (seen: number) =>
    afterPendingReads(() => {
      if (accepted !== seen && Date.now() < stopAt) return check(accepted);
      server.off('connection', count);
      work();
    });
  check(-1);
}

/** Longest time new connections are still accepted after shutdown began (the load balancer has been told by /readyz). */
const ACCEPT_WINDOW_MS = 1_000;

/** Time the answers of calls ended at the deadline get to reach their clients before connections are cut. */
const ANSWER_FLUSH_MS = 250;

/**
 * Runs `work` after the event loop's next poll phase: an immediate scheduled from the check phase
 * runs in the following iteration, after that iteration has read every socket with data waiting.
 */
function afterPendingReads(work: () => void): void {
  setImmediate(() => setImmediate(work));
}
