import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fuzzProtocol } from '../src/protocol-fuzz';

/** A loopback server whose only flaw is the one under test: the fuzz must find it, with its seed. */
async function serve(flawed: (body: string) => boolean): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => res.writeHead(flawed(body) ? 500 : 400, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, server };
}

const tools = [{ name: 'get_issue', inputSchema: { properties: { owner: {}, number: {} } } }];

describe('the protocol fuzz', () => {
  it.each([
    ['deep nesting', (body: string) => body.startsWith('[[[[[[[[[[') || body.startsWith('{"a":{"a":{"a":')],
    ['a __proto__ key', (body: string) => body.includes('"__proto__"')],
    ['a batch', (body: string) => body.startsWith('[{')],
    ['a wrong-typed tool argument', (body: string) => /"arguments":\{[^}]*"number":(?!\d)/.test(body)],
  ])('finds a server that answers 500 to %s, and names the seed to replay it', async (_flaw, flawed) => {
    const { url, server } = await serve(flawed);
    try {
      await expect(fuzzProtocol({ mcpUrl: url, tools, seed: 42, timeLimitMs: 5_000 })).rejects.toThrow(
        /^protocol fuzz failed \(replay with MCP_FUZZ_SEED=42\):[\s\S]*HTTP 500/,
      );
    } finally {
      server.close();
    }
  });

  it('passes a server that answers every request below 500, within its request and time bounds', async () => {
    const { url, server } = await serve(() => false);
    try {
      const started = Date.now();
      const report = await fuzzProtocol({ mcpUrl: url, tools, seed: 7, runs: 60, timeLimitMs: 2_000 });
      expect(report).toMatchObject({ seed: 7, requests: 60, statuses: { 400: 60 } });
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      server.close();
    }
  });
});
