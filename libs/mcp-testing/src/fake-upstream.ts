import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';

export { http, HttpResponse, delay } from 'msw';
export type { RequestHandler } from 'msw';

/**
 * Fakes the vendor API at the HTTP level inside the test process (MSW). Any request
 * no handler matches fails the test: nothing reaches a real network by accident.
 * Call in a describe body; per-test handlers go through `fake.use(...)`.
 */
export function useFakeUpstream(...handlers: RequestHandler[]): SetupServer {
  const server = setupServer(...handlers);
  // MSW's 'error' mode only fails the request, which a client may retry or a tool may
  // tolerate; collecting unmatched requests makes the test itself fail.
  const unmatched: string[] = [];
  server.events.on('request:unhandled', ({ request }) => {
    unmatched.push(`${request.method} ${request.url}`);
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    const seen = unmatched.splice(0);
    if (seen.length) throw new Error(`requests no fake upstream handler matched:\n  ${seen.join('\n  ')}`);
  });
  afterAll(() => server.close());
  return server;
}

export interface FakeUpstreamServer {
  url: string;
  /** Requests that reached the fake, in order: method and path+query. */
  requests: Array<{ method: string; path: string }>;
  close: () => Promise<void>;
}

/**
 * Serves the same MSW handlers on a real loopback port, for servers running as a
 * separate process (e2e, benchmarks). Unmatched requests get a 501 naming the route.
 */
export async function serveFakeUpstream(handlers: RequestHandler[]): Promise<FakeUpstreamServer> {
  const requests: FakeUpstreamServer['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = `http://${req.headers.host}${req.url}`;
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: body.length && req.method !== 'GET' && req.method !== 'HEAD' ? body : undefined,
    });
    const response = await getResponse(handlers, request);
    if (!response) {
      res.writeHead(501, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake upstream has no handler for ${req.method} ${req.url}` }));
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
