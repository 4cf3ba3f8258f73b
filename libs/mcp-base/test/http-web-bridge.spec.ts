import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { McpHttpHandler } from '@modelcontextprotocol/server';
import { serveWebHandler } from '../src/http/serve-web-handler';

/**
 * The Node ↔ Web bridge in front of the SDK's handler.fetch: an answer complete at once goes out in
 * one piece with a Content-Length, a stream still open goes out event by event, and the request's
 * signal aborts when the client goes away.
 */
type Fetch = McpHttpHandler['fetch'];

async function serve(fetch: Fetch, errors: Error[] = []): Promise<{ server: Server; url: string }> {
  const handler = { fetch, close: async () => undefined } as unknown as McpHttpHandler;
  const bridge = serveWebHandler(handler, (error) => errors.push(error));
  const server = createServer((req, res) => void bridge(req, res, { jsonrpc: '2.0', id: 7, method: 'ping' }, undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp` };
}

/** POSTs and records each body chunk with the time it arrived (ms after the headers). */
function post(url: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; chunks: Array<{ at: number; text: string }> }>(
    (resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        const start = Date.now();
        const chunks: Array<{ at: number; text: string }> = [];
        res.on('data', (chunk: Buffer) => chunks.push({ at: Date.now() - start, text: chunk.toString() }));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks }));
      });
      req.on('error', reject);
      req.end('{}');
    },
  );
}

const sse = (data: string) => new TextEncoder().encode(`event: message\ndata: ${data}\n\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the Node ↔ Web bridge', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('sends a JSON answer in one piece with a Content-Length', async () => {
    let url: string;
    ({ server, url } = await serve(async () => Response.json({ jsonrpc: '2.0', id: 7, result: {} }, { headers: { 'x-extra': 'kept' } })));
    const answer = await post(url);
    expect([answer.status, answer.headers['transfer-encoding'], answer.headers['x-extra']]).toEqual([200, undefined, 'kept']);
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.chunks.map((c) => c.text).join('')));
    expect(JSON.parse(answer.chunks.map((c) => c.text).join(''))).toEqual({ jsonrpc: '2.0', id: 7, result: {} });
  });

  it('sends an SSE answer the handler closes right after its event in one piece', async () => {
    let url: string;
    ({ server, url } = await serve(async () => {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
      // Like the SDK: the answer is returned first, its event comes later, then the stream closes.
      setTimeout(() => {
        controller.enqueue(sse('{"id":7}'));
        void Promise.resolve().then(() => controller.close());
      }, 30);
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    }));
    const answer = await post(url);
    expect([answer.headers['content-type'], answer.headers['transfer-encoding']]).toEqual(['text/event-stream', undefined]);
    expect(answer.headers['content-length']).toBe(String(sse('{"id":7}').byteLength));
    expect(answer.chunks.map((c) => c.text).join('')).toBe('event: message\ndata: {"id":7}\n\n');
  });

  it('streams an answer whose stream stays open, each event as it comes', async () => {
    let url: string;
    ({ server, url } = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(sse('{"progress":1}'));
          await sleep(300);
          controller.enqueue(sse('{"id":7}'));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    }));
    const answer = await post(url);
    expect(answer.headers['transfer-encoding']).toBe('chunked');
    const text = answer.chunks.map((c) => c.text).join('');
    expect(text).toBe('event: message\ndata: {"progress":1}\n\nevent: message\ndata: {"id":7}\n\n');
    // The progress event reached the client before the final one was even produced.
    const progressAt = answer.chunks.find((c) => c.text.includes('progress'))?.at ?? Infinity;
    const finalAt = answer.chunks.find((c) => c.text.includes('"id"'))?.at ?? -1;
    expect(finalAt - progressAt).toBeGreaterThanOrEqual(200);
  });

  it("aborts the request's signal when the client goes away mid-answer", async () => {
    let signal: AbortSignal | undefined;
    let url: string;
    ({ server, url } = await serve(async (request) => {
      signal = request.signal;
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve, { once: true }));
      return new Response(null, { status: 499 });
    }));
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('error', () => undefined);
    req.end('{}');
    while (!signal) await sleep(5);
    expect(signal.aborted).toBe(false);
    req.destroy();
    await new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true }));
    expect(signal.aborted).toBe(true);
  });

  it('cancels a stream still open once its client has gone away', async () => {
    let cancelled = false;
    let url: string;
    ({ server, url } = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(sse('{"progress":1}')),
        cancel: () => void (cancelled = true),
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    }));
    await new Promise<void>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.on('timeout', reject);
      req.end('{}');
    });
    for (let waited = 0; !cancelled && waited < 2_000; waited += 10) await sleep(10);
    expect(cancelled).toBe(true);
  });

  it('answers a handler that throws with a JSON-RPC internal error echoing the id, and reports it', async () => {
    const errors: Error[] = [];
    let url: string;
    ({ server, url } = await serve(async () => {
      throw new Error('handler broke');
    }, errors));
    const answer = await post(url);
    expect([answer.status, JSON.parse(answer.chunks.map((c) => c.text).join(''))]).toEqual([
      500,
      { jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: 7 },
    ]);
    expect(errors.map((error) => error.message)).toEqual(['handler broke']);
  });
});
