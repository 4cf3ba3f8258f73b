import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AuthInfo, McpHttpHandler } from '@modelcontextprotocol/server';
import type { BaseConfig } from '../config/base-config';
import type { Logger } from '../observability/logger';
import type { ServerMetrics } from '../observability/metrics';
import { bearerAuth } from './bearer-auth';
import { hostGuard } from './host-guard';
import { jsonDepthGuard } from './json-depth';
import { sendJson, sendJsonRpcError } from './json-rpc-error';
import { originGuard } from './origin-guard';
import { answerBodyError, jsonBodyReader } from './read-json-body';
import { serveWebHandler } from './serve-web-handler';

export interface Readiness {
  ready: boolean;
  /** starting: the app's store is still opening; not_ready: it failed to (reason says why). */
  status: 'ready' | 'starting' | 'not_configured' | 'not_ready' | 'shutting_down';
  /** Tools this instance serves (after MCP_READ_ONLY / MCP_TOOLSETS / MCP_TOOLS). */
  tools: number;
  missing?: string[];
  /** not_configured: what to set, e.g. "A; and one of: B and C (key pair), or D (token)". */
  need?: string;
  reason?: string;
}

export interface HttpAppOptions {
  config: BaseConfig;
  mcpHandler: McpHttpHandler;
  readiness: () => Readiness;
  metrics: ServerMetrics;
  logger: Logger;
}

/**
 * The server's request listener, on plain `node:http`: /healthz, /readyz, /metrics, and POST /mcp
 * behind the Host, Origin and bearer guards. Health routes sit outside the guards: kubelet probes
 * arrive with the pod IP as Host and no token, and must not be turned away.
 */
export function createHttpApp(options: HttpAppOptions): RequestListener {
  const { config, metrics, logger } = options;
  const guards = [hostGuard(config.allowedHosts), originGuard(config.allowedOrigins), bearerAuth(config.clientTokens)];
  const readBody = jsonBodyReader(config.maxBodyBytes);
  const serveMcp = serveWebHandler(options.mcpHandler, (error) => logger.warn({ err: error }, 'MCP request rejected'));

  const postMcp = async (req: IncomingMessage, res: ServerResponse) => {
    let body: unknown;
    try {
      body = await readBody(req, res);
    } catch (error) {
      return answerBodyError(error, res, logger);
    }
    if (!jsonDepthGuard(body, res)) return;
    await serveMcp(req, res, body, (req as { auth?: AuthInfo }).auth);
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = pathOf(req.url);
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/mcp' || path.startsWith('/mcp/')) {
      if (!guards.every((guard) => guard(req, res))) return;
      if (path !== '/mcp') return notFound(res);
      if (req.method === 'POST') return postMcp(req, res);
      // Stateless serving has no session to stream (GET) or end (DELETE).
      return sendJsonRpcError(res, 405, 'Method not allowed: this stateless server accepts POST /mcp only.', -32000, {
        allow: 'POST',
      });
    }
    if (read && path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (read && path === '/readyz') {
      const readiness = options.readiness();
      return sendJson(res, readiness.ready ? 200 : 503, readiness);
    }
    if (read && path === '/metrics') {
      const text = await metrics.render();
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'content-length': String(Buffer.byteLength(text)) });
      return void res.end(text);
    }
    notFound(res);
  };

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'HTTP request failed');
      if (!res.headersSent) sendJsonRpcError(res, 500, 'Internal error.', -32603);
      else res.destroy();
    });
  };
}

/** The request's path without query, lower-cased and without a trailing slash (routes match as Express's did). */
function pathOf(url = '/'): string {
  const query = url.indexOf('?');
  const path = (query === -1 ? url : url.slice(0, query)).toLowerCase();
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { error: 'not found: MCP is served at POST /mcp' });
}
