import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/**
 * One misbehaviour of the upstream, applied to one request. Faults are queued with
 * `inject(...)`; each request takes the next one, and once the queue is empty the normal
 * MSW handlers answer (so "fail twice, then succeed" is `inject(fault, fault)`).
 */
export type Fault =
  | { type: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { type: 'hang' }
  | { type: 'reset' }
  | { type: 'drip'; intervalMs: number }
  | { type: 'body'; contentType: string; body: string | Buffer }
  | { type: 'pad'; bytes: number }
  | { type: 'echo-credential'; status: number };

/** The faults by name, so cases read like the attack list they come from. */
export const faults = {
  rateLimited: (retryAfter?: string): Fault => ({
    type: 'status',
    status: 429,
    headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
    body: JSON.stringify({ message: 'rate limited' }),
  }),
  serverError: (status: 500 | 502 | 503 | 504): Fault => ({
    type: 'status',
    status,
    body: JSON.stringify({ message: `upstream says ${status}` }),
  }),
  /** Accepts the request and never answers. */
  hang: (): Fault => ({ type: 'hang' }),
  /** Closes the connection without an answer (ECONNRESET on the client). */
  reset: (): Fault => ({ type: 'reset' }),
  /** 200 JSON headers, then one byte of body per interval, forever. */
  slowDrip: (intervalMs = 200): Fault => ({ type: 'drip', intervalMs }),
  invalidJson: (): Fault => ({ type: 'body', contentType: 'application/json', body: '{"data": [{"id": 1,' }),
  html200: (): Fault => ({
    type: 'body',
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html><body><h1>Service temporarily unavailable</h1></body></html>',
  }),
  empty200: (): Fault => ({ type: 'body', contentType: 'application/json', body: '' }),
  /** A JSON body with the wrong shape for any vendor: parses, but carries none of the expected fields. */
  wrongShape200: (): Fault => ({ type: 'body', contentType: 'application/json', body: '{"unexpected": true}' }),
  /** The normal answer with an extra field of `bytes` bytes (default 10 MB): right shape, huge body. */
  bigBody: (bytes = 10 * 1024 * 1024): Fault => ({ type: 'pad', bytes }),
  /** An error whose message repeats the Authorization header the upstream received. */
  echoCredential: (status = 401): Fault => ({ type: 'echo-credential', status }),
};

export interface FaultUpstream {
  url: string;
  /** Queues faults for the next requests, in order. */
  inject: (...queued: Fault[]) => void;
  /** Requests that reached the fake, in order: method and path+query. */
  requests: Array<{ method: string; path: string }>;
  /** Faults still queued (a case that expects no retry leaves some). */
  pending: () => number;
  /** Forgets queued faults and recorded requests. */
  reset: () => void;
  close: () => Promise<void>;
}

/**
 * A real loopback HTTP server that answers with `handlers` (MSW), except where a fault
 * is queued. For servers running as a process: sockets, timeouts and resets are real.
 */
export async function serveFaultUpstream(handlers: RequestHandler[]): Promise<FaultUpstream> {
  const queue: Fault[] = [];
  const requests: FaultUpstream['requests'] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    const fault = queue.shift();
    if (fault && fault.type !== 'pad') return applyFault(fault, req, res, timers);
    const url = `http://${req.headers.host}${req.url}`;
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: body.length && req.method !== 'GET' && req.method !== 'HEAD' ? new Uint8Array(body) : undefined,
    });
    const response = await getResponse(handlers, request);
    if (!response) {
      res.writeHead(501, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fault upstream has no handler for ${req.method} ${req.url}` }));
      return;
    }
    const headers = Object.fromEntries(response.headers);
    const answer = Buffer.from(await response.arrayBuffer());
    if (fault?.type === 'pad') {
      delete headers['content-length'];
      res.writeHead(response.status, headers);
      res.end(padJson(answer, fault.bytes));
      return;
    }
    res.writeHead(response.status, headers);
    res.end(answer);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    inject: (...queued) => queue.push(...queued),
    requests,
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Adds a `padding` field to a JSON object answer (other answers are returned as they are). */
function padJson(answer: Buffer, bytes: number): Buffer {
  const text = answer.toString('utf8');
  if (!text.trimStart().startsWith('{')) return answer;
  const padded = { ...(JSON.parse(text) as Record<string, unknown>), padding: 'x'.repeat(bytes) };
  return Buffer.from(JSON.stringify(padded));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, timers: Set<NodeJS.Timeout>): void {
  switch (fault.type) {
    case 'status':
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(fault.body ?? '');
      return;
    case 'hang':
      return; // the socket stays open until the client gives up or the fake closes
    case 'reset':
      req.socket.destroy();
      return;
    case 'drip': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": "');
      const timer = setInterval(() => res.write('x'), fault.intervalMs);
      timers.add(timer);
      res.once('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
      return;
    }
    case 'body':
      res.writeHead(200, { 'content-type': fault.contentType });
      res.end(fault.body);
      return;
    case 'echo-credential': {
      const credential = String(req.headers['authorization'] ?? req.headers['x-api-key'] ?? '');
      const message = `invalid credential "${credential}" for ${req.url}`;
      res.writeHead(fault.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message, error: message, errors: [{ message }] }));
      return;
    }
  }
}
