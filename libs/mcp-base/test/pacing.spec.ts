import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ServerMetrics, ToolError, createLogger, createUpstreamFetchFactory, parseUpstreamSettings } from '../src';
import type { PacingOptions } from '../src';
import { runInCallScope, type CallScope } from '../src/upstream/call-scope';

const API = 'https://api.acme.test';
const fake = setupServer();
beforeAll(() => fake.listen({ onUnhandledRequest: 'error' }));
afterEach(() => fake.resetHandlers());
afterAll(() => fake.close());

const settings = parseUpstreamSettings({ MCP_UPSTREAM_RETRY_DELAY_MS: '1' });
const pacedFetch = (pacing: PacingOptions) =>
  createUpstreamFetchFactory({ metrics: new ServerMetrics({ defaultMetrics: false }), settings })('Acme', { pacing });

function inCall<T>(work: () => Promise<T>, scope: Partial<CallScope> = {}): Promise<T> {
  return runInCallScope(
    {
      signal: new AbortController().signal,
      requestId: 'test',
      logger: createLogger({ name: 'test', level: 'silent' }),
      deadline: Date.now() + 15_000,
      readOnly: true,
      ...scope,
    },
    work,
  );
}

/** What the fake upstream saw and when, plus what the callers saw, in one timeline. */
function recordArrivals(answer: (path: string, seen: number) => Response = () => HttpResponse.json({ ok: true })) {
  const events: string[] = [];
  const arrivals: Array<{ path: string; at: number }> = [];
  fake.use(
    http.all(`${API}/*`, ({ request }) => {
      const path = new URL(request.url).pathname;
      arrivals.push({ path, at: performance.now() });
      events.push(`sent ${path}`);
      return answer(path, arrivals.filter((arrival) => arrival.path === path).length);
    }),
  );
  return { events, arrivals };
}

/**
 * The k-th paced start comes at least k spacings after the requests were made, and a request reaches
 * the fake only after it started: a floor that a busy machine can only push later, never break.
 * (1 ms of slack for the whole-millisecond clock the pace is kept on.)
 */
const expectPacedFrom = (issuedAt: number, arrivals: Array<{ at: number }>, spacingMs: number) =>
  arrivals.forEach((arrival, k) => expect(arrival.at - issuedAt).toBeGreaterThanOrEqual(k * spacingMs - 1));

describe('client-side pacing of the upstream fetch', () => {
  it('starts concurrent requests one spacing apart, in the order they were made', async () => {
    const { arrivals } = recordArrivals();
    const fetch = pacedFetch({ requestsPerSecond: 10 }); // one start per 100 ms
    const issuedAt = performance.now();
    await inCall(() => Promise.all(['/a', '/b', '/c', '/d', '/e'].map((path) => fetch(`${API}${path}`))));
    expect(arrivals.map((arrival) => arrival.path)).toEqual(['/a', '/b', '/c', '/d', '/e']);
    expectPacedFrom(issuedAt, arrivals, 100);
  });

  it('paces retries too: a read retried after a 503 waits its turn like any request', async () => {
    const { arrivals } = recordArrivals((_path, seen) =>
      seen === 1 ? HttpResponse.json({ message: 'busy' }, { status: 503 }) : HttpResponse.json({ ok: true }),
    );
    const fetch = pacedFetch({ requestsPerSecond: 10 });
    const issuedAt = performance.now();
    const response = await inCall(() => fetch(`${API}/retried`));
    expect(response.status).toBe(200);
    expect(arrivals).toHaveLength(2);
    expectPacedFrom(issuedAt, arrivals, 100);
  });

  it('fails at once as rate_limited, naming the wait, when the turn would come after the call ends', async () => {
    const { events } = recordArrivals();
    const fetch = pacedFetch({ requestsPerSecond: 1 }); // one start per second
    const outcomes = await inCall(
      () =>
        Promise.allSettled(
          ['/1', '/2', '/3', '/4', '/5'].map((path) =>
            fetch(`${API}${path}`).then(
              () => events.push(`answered ${path}`),
              (error: unknown) => {
                events.push(`refused ${path}`);
                throw error;
              },
            ),
          ),
        ),
      { deadline: Date.now() + 2_500 },
    );
    // /1 now, /2 after ~1 s, /3 after ~2 s fit in the call; /4 and /5 never reach the upstream.
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(events.filter((event) => event.startsWith('sent'))).toEqual(['sent /1', 'sent /2', 'sent /3']);
    // Refused before the queued requests were even sent: no waiting for a turn that cannot come.
    expect(events.indexOf('refused /4')).toBeLessThan(events.indexOf('sent /2'));
    const refusal = (outcomes[3] as PromiseRejectedResult).reason as ToolError;
    expect(refusal).toBeInstanceOf(ToolError);
    expect(refusal.kind).toBe('rate_limited');
    expect(refusal.toText()).toMatch(
      /^rate_limited: Acme requests are paced to 1\/s client-side and 2 are queued ahead: this one would wait about 3s, past the end of the call\. Retry after 3s\.$/,
    );
  });

  it('drops a queued request when its call is cancelled, and the next one takes its turn', async () => {
    const { events } = recordArrivals();
    const fetch = pacedFetch({ requestsPerSecond: 4 }); // one start per 250 ms
    const cancelled = new AbortController();
    const first = inCall(() => fetch(`${API}/first`));
    const dropped = inCall(() => fetch(`${API}/dropped`), { signal: cancelled.signal });
    const next = inCall(() => fetch(`${API}/next`));
    cancelled.abort(new DOMException('The client cancelled the call.', 'AbortError'));
    await expect(dropped).rejects.toThrow('The client cancelled the call.');
    await Promise.all([first, next]);
    expect(events).toEqual(['sent /first', 'sent /next']);
  });

  it('leaves requests outside `applies` unpaced: they overtake the queue', async () => {
    const { events } = recordArrivals();
    const fetch = pacedFetch({ requestsPerSecond: 2, applies: (url) => url.pathname.startsWith('/search') });
    await inCall(() =>
      Promise.all([fetch(`${API}/search/1`), fetch(`${API}/search/2`), fetch(`${API}/objects/1`, { method: 'GET' })]),
    );
    expect(events).toHaveLength(3);
    expect(events.indexOf('sent /objects/1')).toBeLessThan(events.indexOf('sent /search/2'));
  });

  it('refuses a pace that is not a positive rate', () => {
    expect(() => pacedFetch({ requestsPerSecond: 0 })).toThrow('requestsPerSecond must be a positive number');
  });
});
