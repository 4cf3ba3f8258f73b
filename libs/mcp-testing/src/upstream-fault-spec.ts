import type { Client } from '@modelcontextprotocol/client';
import type { RequestHandler } from 'msw';
import { faults, serveFaultUpstream, type Fault, type FaultUpstream } from './fault-upstream';
import { connectHttpClient, startServerProcess, type ServerProcess } from './http-harness';
import { bundlePath } from './server-over-http';

/**
 * `ok`: a normal result. `answers`: a result or a precise tool error (too big, unreadable, or on a busy
 * machine a body not read within MCP_UPSTREAM_TIMEOUT_MS), as long as it comes in time.
 */
export type FaultExpectation = 'ok' | 'answers' | 'rate_limited' | 'upstream_error' | 'timeout' | 'unauthorized';

export interface FaultCase {
  name: string;
  /** Made per run, so HTTP-dates are relative to now. */
  faults: () => Fault[];
  expect: FaultExpectation;
  /** Text the error must contain (e.g. the wait it names). */
  mentions?: string;
}

/** Settings the servers run with in the suite: short waits, so every case ends well inside the tool timeout. */
export const FAULT_SUITE_SETTINGS = {
  MCP_TOOL_TIMEOUT_MS: '4000',
  MCP_UPSTREAM_TIMEOUT_MS: '1000',
  MCP_UPSTREAM_RETRIES: '2',
  MCP_UPSTREAM_RETRY_DELAY_MS: '20',
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500',
};

const httpDate = (offsetMs: number) => new Date(Date.now() + offsetMs).toUTCString();
const times = (count: number, fault: () => Fault) => Array.from({ length: count }, fault);

/**
 * Faults enough for every attempt of every request a call makes, also when a tool sends up to four in
 * parallel (github get_issue, asana get_task): their attempts interleave, so one request's worth of
 * faults would let a retry of another succeed. What a call leaves unused is dropped by reset().
 */
const EVERY_ATTEMPT = (Number(FAULT_SUITE_SETTINGS.MCP_UPSTREAM_RETRIES) + 1) * 4;

/** The attack list: every retryable answer once then success, and every way an upstream can fail for good. */
export const FAULT_CASES: readonly FaultCase[] = [
  { name: '429 Retry-After: 1, then success', faults: () => [faults.rateLimited('1')], expect: 'ok' },
  { name: '429 Retry-After: a past HTTP-date, then success', faults: () => [faults.rateLimited(httpDate(-60_000))], expect: 'ok' },
  { name: '429 without Retry-After, then success', faults: () => [faults.rateLimited()], expect: 'ok' },
  { name: '502, then success', faults: () => [faults.serverError(502)], expect: 'ok' },
  { name: '503, then success', faults: () => [faults.serverError(503)], expect: 'ok' },
  { name: '504, then success', faults: () => [faults.serverError(504)], expect: 'ok' },
  { name: '503 then 502, then success', faults: () => [faults.serverError(503), faults.serverError(502)], expect: 'ok' },
  { name: '429 Retry-After: 3600 (beyond the cap)', faults: () => [faults.rateLimited('3600')], expect: 'rate_limited', mentions: '3600' },
  {
    name: '429 Retry-After: an HTTP-date an hour away',
    faults: () => [faults.rateLimited(httpDate(3_600_000))],
    expect: 'rate_limited',
    mentions: 'Retry after',
  },
  { name: '503 on every attempt', faults: () => times(EVERY_ATTEMPT, () => faults.serverError(503)), expect: 'upstream_error' },
  { name: 'a hung connection', faults: () => [faults.hang()], expect: 'timeout' },
  { name: 'connection reset on every attempt', faults: () => times(EVERY_ATTEMPT, faults.reset), expect: 'upstream_error' },
  { name: 'a body that drips one byte at a time', faults: () => [faults.slowDrip()], expect: 'timeout' },
  { name: 'invalid JSON with 200', faults: () => [faults.invalidJson()], expect: 'upstream_error' },
  { name: 'HTML with 200', faults: () => [faults.html200()], expect: 'upstream_error' },
  { name: 'an empty 200', faults: () => [faults.empty200()], expect: 'upstream_error' },
  { name: 'a 10 MB body', faults: () => [faults.bigBody()], expect: 'answers' },
  { name: 'an error that echoes the credential', faults: () => [faults.echoCredential()], expect: 'unauthorized' },
];

export interface UpstreamFaultSpecOptions {
  /** Nx app name; the bundle is dist/apps/<app>/main.js. */
  app: string;
  /** The server's environment, pointed at the fake's URL. */
  env: (upstreamUrl: string) => Record<string, string>;
  /** The fake's normal answers (MSW handlers), used whenever no fault is queued. */
  handlers: RequestHandler[];
  /** Read tool calls driven through every case. */
  calls: ReadonlyArray<{ name: string; arguments: Record<string, unknown> }>;
  /** Values that must never reach a client (tokens, keys). */
  secretValues: readonly string[];
  /** The cases to run (default FAULT_CASES); an app adds its own, e.g. a wrongly shaped 2xx it validates. */
  cases?: readonly FaultCase[];
}

/**
 * Runs each read tool of a built server through every fault on a real loopback socket: the
 * answer has the precise kind and comes within the tool timeout, no secret is in it, and the
 * process is still alive and answers a normal call afterwards. Ends with a clean SIGTERM exit.
 */
export function describeUpstreamFaults(options: UpstreamFaultSpecOptions): void {
  describe(`${options.app} against a faulty upstream (real sockets, built bundle)`, () => {
    let upstream: FaultUpstream;
    let server: ServerProcess;
    let client: Client;
    const toolTimeoutMs = Number(FAULT_SUITE_SETTINGS.MCP_TOOL_TIMEOUT_MS);

    beforeAll(async () => {
      upstream = await serveFaultUpstream(options.handlers);
      server = await startServerProcess(bundlePath(options.app), { ...options.env(upstream.url), ...FAULT_SUITE_SETTINGS });
      client = await connectHttpClient(server.mcpUrl);
    });
    afterAll(async () => {
      await client?.close();
      expectAlive(server);
      const exitCode = await server?.stop();
      await upstream?.close();
      expect(exitCode).toBe(0);
    });

    for (const fault of options.cases ?? FAULT_CASES) {
      for (const call of options.calls) {
        it(`${call.name}: ${fault.name} → ${fault.expect}`, async () => {
          upstream.reset();
          upstream.inject(...fault.faults());
          const started = Date.now();
          const result = (await client.callTool(call)) as { isError?: boolean; content?: Array<{ text?: string }> };
          const elapsed = Date.now() - started;
          const text = (result.content ?? []).map((block) => block.text ?? '').join('\n');
          upstream.reset();

          if (text.startsWith('internal_error')) {
            throw new Error(`${call.name} failed unexpectedly; the server's last output:\n${server.output().slice(-3_000)}`);
          }
          expect(elapsed).toBeLessThan(toolTimeoutMs + 1_000);
          for (const secret of options.secretValues) expect(text).not.toContain(secret);
          if (fault.expect === 'ok') {
            expect({ isError: result.isError ?? false, text: text.slice(0, 300) }).toEqual({ isError: false, text: expect.anything() });
          } else if (fault.expect === 'answers') {
            if (result.isError) expect(text).toMatch(/^(invalid_input|upstream_error|timeout): /);
          } else {
            expect({ isError: result.isError, text: text.slice(0, 500) }).toEqual({
              isError: true,
              text: expect.stringMatching(new RegExp(`^${fault.expect}: `)),
            });
            if (fault.mentions) expect(text).toContain(fault.mentions);
          }

          // A crash after the answer (an unhandled rejection) shows up here: give it a moment, then call again.
          await new Promise((resolve) => setTimeout(resolve, 100));
          expectAlive(server);
          const again = (await client.callTool(call)) as { isError?: boolean; content?: Array<{ text?: string }> };
          expect(again.isError ?? false).toBe(false);
        }, 30_000);
      }
    }
  });
}

/** Fails with the end of the server's output (the crash's stack) when the process has exited. */
function expectAlive(server: ServerProcess): void {
  if (server.child.exitCode === null) return;
  throw new Error(`the server exited with ${server.child.exitCode}; its last output:\n${server.output().slice(-3_000)}`);
}
