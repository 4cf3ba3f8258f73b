import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { BASIC_AUTH, callTool, gongError, gongList, route, structuredResult } from './fake-upstream';
import { buyerParty, callContent, callMeta, extensiveCall, sellerParty } from './fixtures/gong';

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

describe('list_calls', () => {
  const fake = useFakeUpstream();

  it('sends GET /v2/calls with the window and Basic auth, and returns compact calls', async () => {
    const calls = route('get', '/calls', () => gongList('calls', [callMeta('7782342274025937895')]));
    fake.use(calls.handler);
    const page = structuredResult<Page<Record<string, unknown>>>(
      await callTool('list_calls', { fromDateTime: '2026-11-01T00:00:00Z', toDateTime: '2026-11-08T00:00:00Z' }),
      'list_calls',
    );
    expect(calls.received[0]?.query).toEqual({ fromDateTime: '2026-11-01T00:00:00Z', toDateTime: '2026-11-08T00:00:00Z' });
    expect(calls.received[0]?.headers.get('authorization')).toBe(BASIC_AUTH);
    expect(page).toEqual({
      items: [
        {
          id: '7782342274025937895',
          title: 'Discovery call 7782342274025937895',
          started: '2026-11-10T15:01:12Z',
          durationSeconds: 1824,
          direction: 'Conference',
          scope: 'External',
          system: 'Zoom',
          language: 'eng',
          primaryUserId: '234599484848423',
          workspaceId: '623457276584334',
          url: 'https://app.gong.io/call?id=7782342274025937895',
        },
      ],
    });
  });

  it("defaults to the 7 days up to now, and the cursor keeps that window and Gong's cursor across pages", async () => {
    const calls = route('get', '/calls', (request) =>
      request.query['cursor'] === 'gong-page-2'
        ? gongList('calls', [callMeta('300')])
        : gongList('calls', [callMeta('100'), callMeta('200')], 'gong-page-2'),
    );
    fake.use(calls.handler);
    const first = structuredResult<Page<{ id: string }>>(await callTool('list_calls', {}), 'list_calls');
    const { fromDateTime, toDateTime } = calls.received[0]?.query ?? {};
    expect(Date.parse(toDateTime ?? '') - Date.parse(fromDateTime ?? '')).toBe(7 * 24 * 60 * 60 * 1000);
    expect(first.items.map((call) => call.id)).toEqual(['100', '200']);

    const second = structuredResult<Page<{ id: string }>>(await callTool('list_calls', { cursor: first.nextCursor }), 'list_calls');
    expect(calls.received[1]?.query).toEqual({ fromDateTime, toDateTime, cursor: 'gong-page-2' });
    expect(second).toEqual({ items: [expect.objectContaining({ id: '300' })] });
  });

  it("shows a Gong page in parts when limit is smaller, then moves on to Gong's next page", async () => {
    const calls = route('get', '/calls', (request) =>
      request.query['cursor'] ? gongList('calls', [callMeta('4')]) : gongList('calls', [callMeta('1'), callMeta('2'), callMeta('3')], 'next'),
    );
    fake.use(calls.handler);
    const ids: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = structuredResult<Page<{ id: string }>>(await callTool('list_calls', { limit: 2, cursor }), 'list_calls');
      ids.push(page.items.map((call) => call.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([['1', '2'], ['3'], ['4']]);
    expect(calls.received.map((request) => request.query['cursor'])).toEqual([undefined, undefined, 'next']);
  });

  it("reads Gong's 404 (no calls in the window) as an empty list", async () => {
    fake.use(route('get', '/calls', () => gongError(404, 'No calls found corresponding to the provided filters')).handler);
    expect(structuredResult(await callTool('list_calls', {}), 'list_calls')).toEqual({ items: [] });
  });

  it('refuses a foreign cursor and a date without offset before calling Gong', async () => {
    expect(resultError(await callTool('list_calls', { cursor: 'not-ours' }))).toBe(
      'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged',
    );
    expect(resultError(await callTool('list_calls', { fromDateTime: '01/11/2026' }))).toMatch(/^invalid_input: .*Invalid ISO datetime.*fromDateTime/s);
  });
});

describe('get_call', () => {
  const fake = useFakeUpstream();

  it('reads GET /v2/calls/{id}', async () => {
    const call = route('get', '/calls/7782342274025937895', () =>
      HttpResponse.json({ requestId: 'r1', call: callMeta('7782342274025937895', { title: 'Acme pricing' }) }),
    );
    fake.use(call.handler);
    const result = structuredResult<{ id: string; title: string }>(await callTool('get_call', { callId: '7782342274025937895' }), 'get_call');
    expect(result).toMatchObject({ id: '7782342274025937895', title: 'Acme pricing' });
  });

  it('404 → not_found naming the id and where ids come from', async () => {
    fake.use(route('get', '/calls/42', () => gongError(404, 'Call ID was not found')).handler);
    expect(resultError(await callTool('get_call', { callId: '42' }))).toBe(
      'not_found: no Gong call has id 42: take ids from list_calls or find_calls (Gong: Call ID was not found).',
    );
  });

  it('an id that is not Gong-shaped never reaches Gong', async () => {
    expect(resultError(await callTool('get_call', { callId: '../users' }))).toMatch(/^invalid_input: .*a Gong call id is up to 20 digits.*callId/s);
  });
});

describe('get_call_details', () => {
  const fake = useFakeUpstream();

  it('POSTs /v2/calls/extensive with the call ids and the content selector, and compacts parties and AI content', async () => {
    const extensive = route('post', '/calls/extensive', () => gongList('calls', [extensiveCall('111', { content: callContent })]));
    fake.use(extensive.handler);
    const result = structuredResult<{ calls: Array<Record<string, unknown>>; notFound: string[] }>(
      await callTool('get_call_details', { callIds: ['111', '222', '111'] }),
      'get_call_details',
    );
    expect(extensive.received[0]?.body).toEqual({
      filter: { callIds: ['111', '222'] },
      contentSelector: {
        exposedFields: {
          parties: true,
          content: { brief: true, keyPoints: true, topics: true, trackers: true, outline: true, callOutcome: true, pointsOfInterest: true },
        },
      },
    });
    expect(result.notFound).toEqual(['222']);
    expect(result.calls[0]).toMatchObject({
      call: { id: '111' },
      parties: [
        { name: 'Sam Seller', email: 'sam@ourco.com', affiliation: 'Internal', speakerId: sellerParty.speakerId },
        { name: 'Bea Buyer', email: 'bea@eng.acme.com', affiliation: 'External', speakerId: buyerParty.speakerId },
      ],
      brief: callContent.brief,
      keyPoints: ['Security review needed before pilot', 'Budget approved for Q1'],
      outline: [{ section: 'Introductions', startSeconds: 0, items: ['Team intros'] }],
      topics: [{ name: 'Pricing', durationSeconds: 300 }, { name: 'Small Talk', durationSeconds: 60 }],
      // Trackers that did not fire are left out.
      trackers: [{ name: 'Competitors', type: 'KEYWORD', count: 3 }],
      outcome: { name: 'Next meeting scheduled', category: 'Positive' },
      actionItems: [{ speakerId: sellerParty.speakerId, text: 'I will send the security questionnaire.' }],
    });
  });

  it('caps an oversized brief with a marker', async () => {
    const brief = 'x'.repeat(9_000);
    fake.use(route('post', '/calls/extensive', () => gongList('calls', [extensiveCall('111', { content: { brief } })])).handler);
    const result = structuredResult<{ calls: Array<{ brief: string }> }>(await callTool('get_call_details', { callIds: ['111'] }), 'get_call_details');
    expect(result.calls[0]?.brief).toMatch(/^x{4000}\n… \[truncated: 5000 more characters not shown\]$/);
  });

  it("Gong's 404 for every id → not_found naming them", async () => {
    fake.use(route('post', '/calls/extensive', () => gongError(404, 'No calls found corresponding to the provided filters')).handler);
    expect(resultError(await callTool('get_call_details', { callIds: ['5', '6'] }))).toBe(
      'not_found: Gong has no call with id 5, 6 (or it is private): take ids from list_calls or find_calls.',
    );
  });
});

describe('find_calls', () => {
  const fake = useFakeUpstream();
  const acmeCall = (id: string) => extensiveCall(id, { title: `Acme sync ${id}` });
  const otherCall = (id: string) =>
    extensiveCall(id, { title: `Globex intro ${id}`, parties: [sellerParty, { ...buyerParty, emailAddress: 'gil@globex.com' }] });

  it('scans /v2/calls/extensive pages (cursor in the body) and says how much it scanned', async () => {
    const extensive = route('post', '/calls/extensive', (request) => {
      const cursor = (request.body as { cursor?: string }).cursor;
      if (cursor === 'p2') return gongList('calls', [otherCall('3'), acmeCall('4')]);
      return gongList('calls', [acmeCall('1'), otherCall('2')], 'p2');
    });
    fake.use(extensive.handler);
    const result = structuredResult<{ items: Array<{ call: { id: string } }>; scanned: Record<string, unknown>; nextCursor?: string }>(
      await callTool('find_calls', { accountDomain: 'acme.com', fromDateTime: '2026-10-01T00:00:00Z', toDateTime: '2026-11-01T00:00:00Z' }),
      'find_calls',
    );
    expect(result.items.map((item) => item.call.id)).toEqual(['1', '4']);
    expect(result.scanned).toEqual({ pages: 2, calls: 4, fromDateTime: '2026-10-01T00:00:00Z', toDateTime: '2026-11-01T00:00:00Z', complete: true });
    expect(result.nextCursor).toBeUndefined();
    expect(extensive.received.map((request) => request.body)).toEqual([
      { filter: { fromDateTime: '2026-10-01T00:00:00Z', toDateTime: '2026-11-01T00:00:00Z' }, contentSelector: { exposedFields: { parties: true } } },
      { filter: { fromDateTime: '2026-10-01T00:00:00Z', toDateTime: '2026-11-01T00:00:00Z' }, cursor: 'p2', contentSelector: { exposedFields: { parties: true } } },
    ]);
  });

  it('stops at maxPages and at limit, and its cursor scans on from the next unexamined call', async () => {
    const extensive = route('post', '/calls/extensive', (request) => {
      const cursor = (request.body as { cursor?: string }).cursor;
      if (cursor === 'p2') return gongList('calls', [acmeCall('4'), acmeCall('5')]);
      return gongList('calls', [acmeCall('1'), acmeCall('2'), acmeCall('3')], 'p2');
    });
    fake.use(extensive.handler);
    type Found = { items: Array<{ call: { id: string } }>; scanned: { pages: number; calls: number; complete: boolean }; nextCursor?: string };
    const first = structuredResult<Found>(await callTool('find_calls', { titleContains: 'ACME', limit: 2 }), 'find_calls');
    expect(first.items.map((item) => item.call.id)).toEqual(['1', '2']);
    expect(first.scanned).toMatchObject({ pages: 1, calls: 2, complete: false });

    const second = structuredResult<Found>(await callTool('find_calls', { titleContains: 'ACME', limit: 2, cursor: first.nextCursor }), 'find_calls');
    expect(second.items.map((item) => item.call.id)).toEqual(['3', '4']);
    const third = structuredResult<Found>(await callTool('find_calls', { titleContains: 'ACME', limit: 2, maxPages: 1, cursor: second.nextCursor }), 'find_calls');
    expect(third.items.map((item) => item.call.id)).toEqual(['5']);
    expect(third.scanned).toMatchObject({ pages: 1, calls: 1, complete: true });
    expect(extensive.received.map((request) => (request.body as { cursor?: string }).cursor)).toEqual([undefined, undefined, 'p2', 'p2']);
  });

  it('matches a participant email exactly, ignoring case', async () => {
    fake.use(route('post', '/calls/extensive', () => gongList('calls', [acmeCall('1'), otherCall('2')])).handler);
    const result = structuredResult<{ items: Array<{ call: { id: string } }> }>(
      await callTool('find_calls', { participantEmail: 'GIL@globex.com' }),
      'find_calls',
    );
    expect(result.items.map((item) => item.call.id)).toEqual(['2']);
  });

  it('needs at least one criterion', async () => {
    expect(resultError(await callTool('find_calls', {}))).toMatch(/^invalid_input: .*give at least one of participantEmail, accountDomain, titleContains/s);
  });
});
