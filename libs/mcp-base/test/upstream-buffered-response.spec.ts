import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ServerMetrics, createUpstreamFetchFactory, parseUpstreamSettings } from '../src';

/** The answer the upstream fetch hands an SDK reads like fetch's own, over a real socket. */
describe('an upstream answer read into memory', () => {
  let server: Server;
  let base: string;
  const json = JSON.stringify({ name: 'Grüße', items: [1, 2, 3] });
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/gzip') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-kept': 'yes' });
        response.end(gzipSync(json));
      } else if (request.url === '/raw') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('plain bytes');
      } else {
        response.writeHead(204);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const upstream = createUpstreamFetchFactory({ metrics: new ServerMetrics({ defaultMetrics: false }), settings: parseUpstreamSettings({}) })('Acme');

  it('gives the decoded body once, by json() or text(), with headers describing it and the URL it came from', async () => {
    const first = await upstream(`${base}/gzip`);
    expect(first).toBeInstanceOf(Response);
    expect(first.url).toBe(`${base}/gzip`);
    expect(first.headers.get('x-kept')).toBe('yes');
    expect(first.headers.get('content-encoding')).toBeNull();
    expect(first.headers.get('content-length')).toBeNull();
    expect(first.bodyUsed).toBe(false);
    const copy = first.clone();
    expect(await first.json()).toEqual({ name: 'Grüße', items: [1, 2, 3] });
    expect(first.bodyUsed).toBe(true);
    await expect(first.text()).rejects.toThrow('Body is unusable: Body has already been read');
    expect(() => first.clone()).toThrow(/already been/);
    expect(await copy.text()).toBe(json);
  });

  it('gives the same bytes as a stream, an ArrayBuffer or a Blob', async () => {
    const asStream = await new Response((await upstream(`${base}/raw`, { headers: { accept: 'text/plain' } })).body).text();
    expect(asStream).toBe('plain bytes');
    const buffer = await (await upstream(`${base}/raw`, { headers: { accept: 'text/plain' } })).arrayBuffer();
    expect(Buffer.from(buffer).toString()).toBe('plain bytes');
    const blob = await (await upstream(`${base}/raw`, { headers: { Accept: 'text/plain' } })).blob();
    expect(blob.type).toBe('text/plain');
    expect(await blob.text()).toBe('plain bytes');
  });

  it('is not used up by a look at its body, only by reading it', async () => {
    const looked = await upstream(`${base}/gzip`);
    expect(looked.body).not.toBeNull();
    expect(looked.bodyUsed).toBe(false);
    expect(await looked.json()).toEqual({ name: 'Grüße', items: [1, 2, 3] });

    const streamed = await upstream(`${base}/gzip`);
    const reader = streamed.body?.getReader();
    expect(reader).toBeDefined();
    await expect(streamed.text()).rejects.toThrow('Body is unusable');
    reader?.releaseLock();
  });

  it('has no body for a 204', async () => {
    const empty = await upstream(`${base}/none`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(await empty.text()).toBe('');
  });
});
