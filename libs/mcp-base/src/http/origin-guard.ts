import { validateOriginHeader } from '@modelcontextprotocol/server';
import type { RequestGuard } from './guard';
import { sendJsonRpcError } from './json-rpc-error';

/**
 * Browser guard: a request whose Origin's host name is not in `allowedOrigins` (MCP_ALLOWED_ORIGINS,
 * any port; `<scheme>://*` entries allowed) is refused with 403. No Origin passes: MCP clients
 * outside a browser send none. The check itself is the SDK's.
 */
export function originGuard(allowedOrigins: string[]): RequestGuard {
  return (req, res) => {
    const result = validateOriginHeader(req.headers.origin, allowedOrigins);
    if (result.ok) return true;
    sendJsonRpcError(res, 403, result.message);
    return false;
  };
}
