// The tools/call the bench sends, and how each answer is judged.

/** Stateless Streamable HTTP: every request stands alone (no initialize, no session). */
export const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-11-25',
};

/**
 * @param {string} name
 * @param {Record<string, unknown>} args
 */
export function toolCallBody(name, args) {
  return JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } });
}

/**
 * The JSON-RPC message in a response body: plain JSON, or the data of an SSE event.
 * @param {string} body
 * @returns {any}
 */
function parseMessage(body) {
  const text = body.trimStart();
  if (text.startsWith('{')) return JSON.parse(text);
  const messages = text
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  return messages.find((message) => 'result' in message || 'error' in message);
}

export const ERROR_KINDS = /** @type {const} */ (['non200', 'rpcError', 'toolError', 'wrongResult', 'badBody']);

/** @typedef {'ok' | typeof ERROR_KINDS[number]} Outcome */

/**
 * Classifies one response: 'ok' (HTTP 200, a result, not isError, and `verify` accepts the
 * first text content) or the kind of error.
 * @param {number} status
 * @param {string} body
 * @param {(text: string) => boolean} verify
 * @returns {Outcome}
 */
export function classify(status, body, verify) {
  if (status !== 200) return 'non200';
  let message;
  try {
    message = parseMessage(body);
  } catch {
    return 'badBody';
  }
  if (!message) return 'badBody';
  if (message.error) return 'rpcError';
  if (message.result?.isError) return 'toolError';
  const text = message.result?.content?.[0]?.text;
  try {
    return typeof text === 'string' && verify(text) ? 'ok' : 'wrongResult';
  } catch {
    return 'wrongResult';
  }
}
