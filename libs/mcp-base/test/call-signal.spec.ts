import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ServerMetrics, createLogger, defineTool } from '../src';
import { createToolRunner } from '../src/tools/run-tool';

/**
 * The call's signal (ctx.signal, and the call scope's for upstream requests): aborted when the call
 * ends however it ends, so work a handler started never outlives the call; a client's cancel ends
 * the call at once with an answer saying so.
 */
function runnerFor(handler: (signal: () => AbortSignal) => Promise<unknown>, timeoutMs = 5_000) {
  const input = z.object({});
  const tool = defineTool<Record<string, never>, typeof input>({
    name: 'wait',
    title: 'Wait',
    description: 'Waits.',
    toolset: 'basics',
    input,
    annotations: { readOnlyHint: true },
    handler: (_args, ctx) => handler(() => ctx.signal),
  });
  return createToolRunner(tool, {
    logger: createLogger({ name: 'test', level: 'silent' }),
    metrics: new ServerMetrics({ defaultMetrics: false }),
    timeoutMs,
    maxResultBytes: 10_000,
    context: () => ({}),
  });
}

const textOf = (result: { content: unknown }) => (result.content as Array<{ text: string }>)[0]?.text;

describe('the call signal', () => {
  it('aborts the signal a handler read once the call has answered', async () => {
    let seen: AbortSignal | undefined;
    const run = runnerFor(async (signal) => {
      seen = signal();
      expect(seen.aborted).toBe(false);
      return { ok: true };
    });
    expect(textOf(await run({}))).toBe('{"ok":true}');
    expect(seen?.aborted).toBe(true);
  });

  it('hands a signal first read after the call ended over already aborted', async () => {
    let later: (() => AbortSignal) | undefined;
    const run = runnerFor(async (signal) => {
      later = signal;
      return 'done';
    });
    await run({});
    expect(later?.().aborted).toBe(true);
  });

  it("answers a client's cancel at once, and aborts the work the handler started", async () => {
    let seen: AbortSignal | undefined;
    const run = runnerFor(async (signal) => {
      seen = signal();
      await sleep(10_000, undefined, { signal: seen });
      return 'late';
    });
    const client = new AbortController();
    const answer = run({}, client.signal);
    await sleep(20);
    client.abort();
    expect(textOf(await answer)).toBe('timeout: wait was cancelled by the client.');
    expect(seen?.aborted).toBe(true);
  });

  it('answers a timeout even when the handler never reads the signal', async () => {
    const run = runnerFor(() => sleep(2_000), 30);
    expect(textOf(await run({}))).toBe('timeout: wait did not finish within 30 ms.');
  });
});
