import type { Response } from 'express';

/** HTTP-level rejections still speak JSON-RPC, so MCP clients can show the reason. */
export function sendJsonRpcError(res: Response, status: number, message: string, code = -32000): void {
  res.status(status).json({ jsonrpc: '2.0', error: { code, message }, id: null });
}
