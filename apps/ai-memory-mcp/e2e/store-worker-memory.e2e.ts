import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestMemoryLimitMiB, processMemoryMiB } from '@sophia/pglite-worker/testing';
import { bundlePath, connectHttpClient, startServerProcess, waitUntilReady } from '@sophia/mcp-testing';

jest.setTimeout(240_000);

const TOPICS = ['deploys', 'billing', 'on-call', 'postgres', 'kubernetes', 'travel'];

/**
 * Issue #15 item 2: the store needed ~870 MiB at start-up (initdb in-process, 128 MB
 * shared_buffers) and was OOM-killed at its 768 MiB limit. The peak resident memory of the
 * bundle's process (main thread, PGlite's worker thread and its WASM memory) must stay under the
 * limit the manifest gives the deployment: a first start, memory writes and searches, and a
 * second start on the same data.
 */
describe('ai-memory-mcp bundle: the PGlite store stays under its deployment memory limit', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-memory-e2e-memory-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const limit = manifestMemoryLimitMiB(join(__dirname, '..', 'mcp-server.json'));
  const env = { AI_MEMORY_DATA_DIR: join(dataDir, 'store'), MCP_SHUTDOWN_TIMEOUT_MS: '5000' };

  /** Starts the bundle, runs `work` with a tool caller, and returns the process's memory after it. */
  async function run(work: (call: (name: string, args: Record<string, unknown>) => Promise<void>) => Promise<void>) {
    const server = await startServerProcess(bundlePath('ai-memory-mcp'), env);
    try {
      await waitUntilReady(server.baseUrl);
      const client = await connectHttpClient(server.mcpUrl);
      await work(async (name, args) => {
        const result = await client.callTool({ name, arguments: args });
        expect({ name, isError: result.isError ?? false }).toEqual({ name, isError: false });
      });
      await client.close();
      return processMemoryMiB(server.child.pid as number);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }

  it('first start, 300 memory writes, searches and listings, then a restart, stay under the limit', async () => {
    const first = await run(async (call) => {
      for (let i = 0; i < 300; i++) {
        const topic = TOPICS[i % TOPICS.length];
        await call('add_memory', { user_id: 'u1', text: `note ${i} about ${topic}: ${'detail '.repeat(i % 40)}` });
      }
      for (const topic of TOPICS) await call('search_memories', { user_id: 'u1', query: topic, limit: 20 });
      await call('list_memories', { user_id: 'u1' });
      await call('list_entities', { user_id: 'u1' });
    });
    const second = await run(async (call) => {
      for (const topic of TOPICS) await call('search_memories', { user_id: 'u1', query: `${topic} note`, mode: 'text' });
      await call('add_memory', { user_id: 'u1', text: 'written after the restart' });
    });

    const report = `limit ${limit} MiB; first start ${fmt(first)}; second start ${fmt(second)}`;
    expect({ report, underLimit: Math.max(first.peak, second.peak) < limit }).toEqual({ report, underLimit: true });
  });
});

const fmt = ({ rss, peak }: { rss: number; peak: number }) => `rss ${rss.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB`;
