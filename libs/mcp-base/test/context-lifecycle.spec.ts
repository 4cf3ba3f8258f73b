import { setTimeout as sleep } from 'node:timers/promises';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { z } from 'zod';
import { defineMcpApp, startMcpServer, toolDefiner, withLifecycle } from '../src';
import { ReadyCheck } from '../src/server/ready-check';

/** SIGTERM's order for a context that opened something: drain the calls, then dispose, once. */
interface StoreContext {
  store: { open: boolean };
}
const defineStoreTool = toolDefiner<StoreContext>();
const slowRead = defineStoreTool({
  name: 'slow_read',
  toolset: 'store',
  title: 'Slow read',
  description: 'Reads the store after a while.',
  input: z.object({ delayMs: z.number().int() }),
  annotations: { readOnlyHint: true },
  handler: async ({ delayMs }, ctx) => {
    await sleep(delayMs, undefined, { signal: ctx.signal });
    return { storeOpenAtEnd: ctx.store.open };
  },
});

function storeApp(events: string[]) {
  return defineMcpApp({
    manifest: { name: 'store-mcp', title: 'Store', description: 'Lifecycle test server.', port: 9097 },
    version: '1.0.0',
    tools: [slowRead],
    config: z.object({}),
    createContext: async () => {
      const store = { open: true };
      events.push('opened');
      return withLifecycle(
        { store },
        {
          dispose: async () => {
            store.open = false;
            events.push('disposed');
          },
        },
      );
    },
  });
}

describe('the context lifecycle on shutdown', () => {
  it('disposes the context once, after the in-flight call finished with its store still open', async () => {
    const events: string[] = [];
    const previous = { ...process.env };
    Object.assign(process.env, { LOG_LEVEL: 'silent', MCP_PORT: '0', MCP_SHUTDOWN_TIMEOUT_MS: '5000' });
    const server = await startMcpServer(storeApp(events), { handleSignals: false, defaultMetrics: false }).finally(() => {
      process.env = previous;
    });
    const client = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    const inFlight = client.callTool({ name: 'slow_read', arguments: { delayMs: 300 } }).then((result) => {
      events.push('call finished');
      return result;
    });
    await sleep(50);
    await Promise.all([server.close(), server.close()]);
    expect((await inFlight).content).toEqual([{ type: 'text', text: '{"storeOpenAtEnd":true}' }]);
    expect(events).toEqual(['opened', 'call finished', 'disposed']);
  });
});

describe('the readiness check of a context', () => {
  it('reports a check that hangs as not ready after its timeout, without starting a second one behind it', async () => {
    let started = 0;
    const check = new ReadyCheck(
      () => {
        started += 1;
        return new Promise<void>(() => undefined); // a dropped connection: no answer, ever
      },
      (error) => `Store: ${(error as Error).message}`,
      50,
    );
    await check.refresh();
    expect(check.current).toEqual({ kind: 'failed', reason: 'Store: no answer within 0.05 s (still trying)' });
    await check.refresh();
    expect(started).toBe(1);
  });
});
