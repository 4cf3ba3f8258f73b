// The echo rows: the same `echo` tool on each MCP framework (and the no-MCP ceiling), each built by
// the bench from tools/bench/servers/<source>.ts.
import { toolCallBody } from '../mcp-response.mjs';

const body = toolCallBody('echo', { message: 'hello bench' });
const verify = (/** @type {string} */ text) => JSON.parse(text).echoed === 'hello bench';

/**
 * @param {string} key
 * @param {string} label
 * @param {string} source
 * @param {Record<string, string>} [env]
 * @returns {import('./row.mjs').Row}
 */
function echoRow(key, label, source, env = {}) {
  return {
    key,
    label,
    kind: 'echo',
    source,
    tool: 'echo',
    body,
    verify,
    env: () => env,
    upstream: false,
    embedded: false,
    setup: [],
    observable: key === 'mcp-base',
  };
}

/** The reference every ratio is taken against. */
export const REFERENCE_ROW = 'sdk-v2';

export const ECHO_ROWS = [
  echoRow('raw', 'raw node:http JSON answer (ceiling, no MCP)', 'raw-http'),
  echoRow('sdk-v1', 'official SDK v1, stateless', 'sdk-v1-echo'),
  echoRow('fastmcp', 'FastMCP, stateless', 'fastmcp-echo'),
  echoRow('tmcp', 'tmcp + @tmcp/transport-http', 'tmcp-echo'),
  echoRow(REFERENCE_ROW, 'official SDK v2, bare createMcpHandler', 'sdk-v2-echo'),
  // Everything on: guard, body limit, validation, timeouts, pino at info, prom-client metrics.
  echoRow('mcp-base', 'mcp-base echo (everything on)', 'mcp-base-echo', { LOG_LEVEL: 'info' }),
];
