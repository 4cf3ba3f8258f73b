import type { McpHttpHandler } from '@modelcontextprotocol/server';
import { originValidation } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { BaseConfig } from '../config/base-config';
import type { Logger } from '../observability/logger';
import type { ServerMetrics } from '../observability/metrics';
import { bearerAuth } from './bearer-auth';
import { hostGuard } from './host-guard';
import { jsonDepthGuard } from './json-depth';
import { sendJsonRpcError } from './json-rpc-error';

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
 * Health routes sit outside the Host/Origin/auth guard: kubelet probes arrive with the
 * pod IP as Host and no token, and must not be turned away.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const { config, metrics, logger } = options;
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const readiness = options.readiness();
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.render());
  });

  const serveMcp = toNodeHandler(options.mcpHandler, {
    onerror: (error) => logger.warn({ err: error }, 'MCP request rejected'),
  });
  app.use(
    '/mcp',
    hostGuard(config.allowedHosts),
    originValidation(config.allowedOrigins),
    bearerAuth(config.clientTokens),
  );
  app.post('/mcp', express.json({ limit: config.maxBodyBytes }), jsonDepthGuard(), (req, res) => serveMcp(req, res, req.body));
  // Stateless serving has no session to stream (GET) or end (DELETE).
  app.all('/mcp', (_req, res) => {
    res.setHeader('Allow', 'POST');
    sendJsonRpcError(res, 405, 'Method not allowed: this stateless server accepts POST /mcp only.');
  });
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found: MCP is served at POST /mcp' });
  });
  app.use(bodyErrors(logger));
  return app;
}

function bodyErrors(logger: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, _req, res, _next) => {
    if (error.type === 'entity.too.large') return sendJsonRpcError(res, 413, 'Request body too large.');
    if (error.type === 'entity.parse.failed') return sendJsonRpcError(res, 400, 'Parse error: invalid JSON.', -32700);
    if (error.status && error.status < 500) {
      // The client's mistake (charset, encoding, corrupt gzip, aborted upload): not the operator's, no stack.
      logger.info({ type: error.type, status: error.status, reason: error.message }, 'HTTP request refused');
      return sendJsonRpcError(res, error.status, `Bad request: ${error.message ?? 'refused'}.`);
    }
    logger.error({ err: error }, 'HTTP request failed');
    sendJsonRpcError(res, 500, 'Internal error.', -32603);
  };
}
