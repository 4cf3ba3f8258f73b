import type { ServerResponse } from 'node:http';

/** Answers `body` as JSON with `status` (and any extra headers), in one write. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** HTTP-level rejections still speak JSON-RPC, so MCP clients can show the reason. */
export function sendJsonRpcError(
  res: ServerResponse,
  status: number,
  message: string,
  code = -32000,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}
