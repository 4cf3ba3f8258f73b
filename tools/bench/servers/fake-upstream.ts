/**
 * The fake upstream of an app row, on a loopback port: `node fake-upstream.mjs <app>` answers with
 * the MSW handlers of upstreams/<app>.ts and times itself, so the bench can tell the server's own
 * cost from its upstream's.
 *
 * Protocol with the bench (src/fake-upstream-process.mjs): prints one JSON line {"url": ...} when
 * listening. GET /__bench/stats?from=<epoch ms>&to=<epoch ms> answers how many requests finished in
 * that window and how long at least one was in flight (the union of their [arrival, response end]
 * intervals: parallel requests of one call count once, sequential ones add up), plus the counts by
 * route since start, and how many TCP connections were opened in the window (a server that reuses its
 * connections opens a handful per level, one that does not opens one per request). Unmatched requests
 * get a 501 naming the route.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { UPSTREAM_ROUTES } from './upstreams';

const epochNow = (): number => performance.timeOrigin + performance.now();

/** [arrival, end] of every answered request, in end order, epoch milliseconds. */
const intervals: Array<[number, number]> = [];
const routeCounts: Record<string, number> = {};
/** When each TCP connection was accepted, epoch milliseconds. */
const connectionsOpened: number[] = [];

function busyWithin(from: number, to: number): { requests: number; busyMs: number; connections: number } {
  const inWindow = intervals
    .filter(([, end]) => end >= from && end <= to)
    .map(([start, end]): [number, number] => [Math.max(start, from), end])
    .sort((x, y) => x[0] - y[0]);
  let busyMs = 0;
  let coveredUntil = -Infinity;
  for (const [start, end] of inWindow) {
    if (end <= coveredUntil) continue;
    busyMs += end - Math.max(start, coveredUntil);
    coveredUntil = end;
  }
  const connections = connectionsOpened.filter((at) => at >= from && at <= to).length;
  return { requests: inWindow.length, busyMs, connections };
}

const routeOf = (method: string, url: string): string => `${method} ${url.replace(/\?.*$/, '').replace(/\/\d+(?=\/|$)/g, '/{n}')}`;

async function main(): Promise<void> {
  const app = process.argv[2] ?? '';
  const routes = UPSTREAM_ROUTES[app];
  if (!routes) throw new Error(`no fake upstream for "${app}": add tools/bench/servers/upstreams/${app}.ts and list it in upstreams/index.ts`);
  const { handlers } = await routes();

  const server = createServer(async (req, res) => {
    const arrived = epochNow();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (url.pathname === '/__bench/stats') {
      const stats = busyWithin(Number(url.searchParams.get('from') ?? 0), Number(url.searchParams.get('to') ?? Infinity));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...stats, routes: routeCounts }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const route = routeOf(req.method ?? 'GET', req.url ?? '/');
    routeCounts[route] = (routeCounts[route] ?? 0) + 1;
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: body.length && req.method !== 'GET' && req.method !== 'HEAD' ? body : undefined,
    });
    const response = await getResponse(handlers, request);
    res.once('finish', () => intervals.push([arrived, epochNow()]));
    if (!response) {
      res.writeHead(501, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `fake upstream has no handler for ${route}` }));
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.on('connection', () => connectionsOpened.push(epochNow()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);

  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake upstream: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
