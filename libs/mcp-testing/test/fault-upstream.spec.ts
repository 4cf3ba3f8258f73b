import { HttpResponse, http } from 'msw';
import { faults, serveFaultUpstream, type FaultUpstream } from '../src';

/** The fake itself: each fault does what its name says on a real socket, then the normal answers resume. */
describe('serveFaultUpstream', () => {
  let upstream: FaultUpstream;
  beforeAll(async () => {
    upstream = await serveFaultUpstream([http.get('*/thing', () => HttpResponse.json({ id: 1 }))]);
  });
  afterEach(() => upstream.reset());
  afterAll(() => upstream.close());
  const get = (init: RequestInit = {}) => fetch(`${upstream.url}/thing`, init);

  it('answers with the handlers when no fault is queued, and uses queued faults in order', async () => {
    upstream.inject(faults.rateLimited('7'), faults.serverError(503));
    const first = await get();
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await get()).status).toBe(503);
    expect(await (await get()).json()).toEqual({ id: 1 });
    expect(upstream.requests.map((request) => request.path)).toEqual(['/thing', '/thing', '/thing']);
    expect(upstream.pending()).toBe(0);
  });

  it('resets the connection, and hangs until the client gives up', async () => {
    upstream.inject(faults.reset());
    await expect(get()).rejects.toThrow('fetch failed');
    upstream.inject(faults.hang());
    await expect(get({ signal: AbortSignal.timeout(200) })).rejects.toThrow(/aborted|timeout/i);
  });

  it('drips a 200 body that never ends', async () => {
    upstream.inject(faults.slowDrip(20));
    const response = await get({ signal: AbortSignal.timeout(300) });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow(/aborted|timeout/i);
  });

  it.each([
    ['invalid JSON', faults.invalidJson(), 'application/json', '{"data": [{"id": 1,'],
    ['HTML', faults.html200(), 'text/html; charset=utf-8', '<!doctype html>'],
    ['an empty body', faults.empty200(), 'application/json', ''],
    ['the wrong shape', faults.wrongShape200(), 'application/json', '{"unexpected": true}'],
  ])('answers 200 with %s', async (_what, fault, contentType, start) => {
    upstream.inject(fault);
    const response = await get();
    expect([response.status, response.headers.get('content-type')]).toEqual([200, contentType]);
    expect((await response.text()).startsWith(start)).toBe(true);
  });

  it('pads the normal answer to a big body, keeping its fields', async () => {
    upstream.inject(faults.bigBody(1_000_000));
    const body = (await (await get()).json()) as { id: number; padding: string };
    expect(body.id).toBe(1);
    expect(body.padding).toHaveLength(1_000_000);
  });

  it('echoes the credential it was sent in an error', async () => {
    upstream.inject(faults.echoCredential());
    const response = await get({ headers: { authorization: 'Bearer s3cret-token' } });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Bearer s3cret-token');
  });
});
