import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthInfo } from '@modelcontextprotocol/server';
import type { ClientToken } from '../identity/client-tokens';
import type { RequestGuard } from './guard';
import { sendJsonRpcError } from './json-rpc-error';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Bearer token check against every configured identity (MCP_AUTH_TOKEN, MCP_AUTH_TOKENS), constant-time;
 * no token configured = no check. The matching identity's name goes on as `req.auth.clientId`, which the
 * SDK hands to tool handlers (`ctx.http.authInfo`); the token itself goes no further.
 */
export function bearerAuth(clients: readonly ClientToken[]): RequestGuard {
  if (!clients.length) return () => true;
  const known = clients.map((client) => ({ name: client.name, digest: digest(client.token) }));
  const identify = (presented: Buffer) => {
    let name: string | undefined;
    // Every digest is compared, so the time taken does not tell whether or which token matched.
    for (const client of known) if (timingSafeEqual(presented, client.digest)) name ??= client.name;
    return name;
  };
  return (req, res) => {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    // Comparing fixed-length digests keeps the comparison constant-time whatever the input length.
    const name = match?.[1] ? identify(digest(match[1].trim())) : undefined;
    if (name) {
      const auth: AuthInfo = { token: '', clientId: name, scopes: [] };
      Object.assign(req, { auth });
      return true;
    }
    const challenge = match ? 'Bearer realm="mcp", error="invalid_token"' : 'Bearer realm="mcp"';
    const message = match ? 'Unauthorized: invalid bearer token.' : 'Unauthorized: bearer token required.';
    sendJsonRpcError(res, 401, message, -32000, { 'www-authenticate': challenge });
    return false;
  };
}
