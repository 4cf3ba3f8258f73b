import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendJsonRpcError } from './json-rpc-error';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Static bearer token check (MCP_AUTH_TOKEN), constant-time; no token configured = no check. */
export function bearerAuth(expectedToken: string | undefined): RequestHandler {
  if (!expectedToken) return (_req, _res, next) => next();
  const expected = digest(expectedToken);
  return (req, res, next) => {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    // Comparing fixed-length digests keeps the comparison constant-time whatever the input length.
    if (match?.[1] && timingSafeEqual(digest(match[1].trim()), expected)) return next();
    res.setHeader(
      'WWW-Authenticate',
      match ? 'Bearer realm="mcp", error="invalid_token"' : 'Bearer realm="mcp"',
    );
    sendJsonRpcError(res, 401, match ? 'Unauthorized: invalid bearer token.' : 'Unauthorized: bearer token required.');
  };
}
