import type { ServerResponse } from 'node:http';
import { sendJsonRpcError } from './json-rpc-error';

/**
 * Deepest nesting a request body may have. MCP messages and tool arguments sit a few levels
 * deep; a body nested thousands deep only overflows the stack of whatever walks it recursively
 * later (schema validation, logging), which answered 500 before this check.
 */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth of a parsed JSON value, walked without recursion; stops counting past `limit`. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Refuses a body nested deeper than MAX_JSON_DEPTH with a JSON-RPC parse error (400); true when it passes. */
export function jsonDepthGuard(body: unknown, res: ServerResponse): boolean {
  if (!jsonDepthExceeds(body, MAX_JSON_DEPTH)) return true;
  sendJsonRpcError(res, 400, `Parse error: JSON nested deeper than ${MAX_JSON_DEPTH} levels.`, -32700);
  return false;
}
