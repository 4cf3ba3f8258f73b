import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from 'body-parser';
import type { Logger } from '../observability/logger';
import { sendJsonRpcError } from './json-rpc-error';

/** What body-parser rejects a body with (an http-errors error). */
interface BodyError {
  type?: string;
  status?: number;
  message?: string;
}

/**
 * Reads and parses a JSON request body with body-parser's parser called directly (no router): its
 * size limit counts decoded bytes, it inflates gzip/deflate/br and refuses other encodings and
 * non-UTF charsets. Resolves undefined when the request has no body or is not `application/json`
 * (the SDK answers that 415 itself).
 */
export function jsonBodyReader(limitBytes: number): (req: IncomingMessage, res: ServerResponse) => Promise<unknown> {
  const parse = json({ limit: limitBytes });
  return (req, res) =>
    new Promise((resolve, reject) => {
      parse(req, res, (error?: unknown) => (error ? reject(error) : resolve((req as { body?: unknown }).body)));
    });
}

/** Answers a body that could not be read: the client's mistakes as 4xx (logged at info, no stack), anything else 500. */
export function answerBodyError(error: unknown, res: ServerResponse, logger: Logger): void {
  const { type, status, message } = (error ?? {}) as BodyError;
  if (type === 'entity.too.large') return sendJsonRpcError(res, 413, 'Request body too large.');
  if (type === 'entity.parse.failed') return sendJsonRpcError(res, 400, 'Parse error: invalid JSON.', -32700);
  if (status && status < 500) {
    // The client's mistake (charset, encoding, corrupt gzip, aborted upload): not the operator's, no stack.
    logger.info({ type, status, reason: message }, 'HTTP request refused');
    return sendJsonRpcError(res, status, `Bad request: ${message ?? 'refused'}.`);
  }
  logger.error({ err: error }, 'HTTP request failed');
  sendJsonRpcError(res, 500, 'Internal error.', -32603);
}
