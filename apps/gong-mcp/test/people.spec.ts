import { resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, gongError, gongList, route, structuredResult } from './fake-upstream';
import { user } from './fixtures/gong';

describe('list_users', () => {
  const fake = useFakeUpstream();

  it("follows Gong's cursor (a query parameter on GET) across pages", async () => {
    const users = route('get', '/users', (request) =>
      request.query['cursor'] === 'u2' ? gongList('users', [user('3', 'Cy', 'Three')]) : gongList('users', [user('1', 'Ann', 'One'), user('2', 'Bo', 'Two', { active: false })], 'u2'),
    );
    fake.use(users.handler);
    const first = structuredResult<{ items: unknown[]; nextCursor?: string }>(await callTool('list_users', {}), 'list_users');
    expect(first.items).toEqual([
      { id: '1', name: 'Ann One', email: 'ann@ourco.com', title: 'Account Executive', active: true, managerId: '234599484848400' },
      { id: '2', name: 'Bo Two', email: 'bo@ourco.com', title: 'Account Executive', active: false, managerId: '234599484848400' },
    ]);
    const second = structuredResult<{ items: Array<{ id: string }>; nextCursor?: string }>(await callTool('list_users', { cursor: first.nextCursor }), 'list_users');
    expect(second.items.map((item) => item.id)).toEqual(['3']);
    expect(second.nextCursor).toBeUndefined();
    expect(users.received.map((request) => request.query)).toEqual([{}, { cursor: 'u2' }]);
  });
});

describe('get_activity_stats', () => {
  const fake = useFakeUpstream();

  it('POSTs the day range and users to /v2/stats/activity/aggregate and lists every counter', async () => {
    const stats = route('post', '/stats/activity/aggregate', () =>
      gongList('usersAggregateActivityStats', [{ userId: '1', userEmailAddress: 'ann@ourco.com', userAggregateActivityStats: { callsAsHost: 12, callsAttended: 3 } }], undefined, {
        timeZone: 'America/New_York',
        fromDateTime: '2026-11-01T00:00:00-04:00',
        toDateTime: '2026-11-08T00:00:00-05:00',
      }),
    );
    fake.use(stats.handler);
    const result = structuredResult<{ timeZone: string; items: Array<{ userId: string; stats: Record<string, number> }> }>(
      await callTool('get_activity_stats', { fromDate: '2026-11-01', toDate: '2026-11-08', userIds: ['1'] }),
      'get_activity_stats',
    );
    expect(stats.received[0]?.body).toEqual({ filter: { fromDate: '2026-11-01', toDate: '2026-11-08', userIds: ['1'] } });
    expect(result.timeZone).toBe('America/New_York');
    expect(result.items[0]).toMatchObject({ userId: '1', email: 'ann@ourco.com', stats: { callsAsHost: 12, callsAttended: 3, callsGaveFeedback: 0 } });
    expect(Object.keys(result.items[0]?.stats ?? {})).toHaveLength(15);
  });

  it('404 with userIds → not_found pointing at list_users', async () => {
    fake.use(route('post', '/stats/activity/aggregate', () => gongError(404, 'User not found')).handler);
    expect(resultError(await callTool('get_activity_stats', { fromDate: '2026-11-01', toDate: '2026-11-08', userIds: ['9'] }))).toBe(
      'not_found: Gong does not know (all of) these userIds: take ids from list_users (Gong: User not found).',
    );
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    expect(resultError(await callTool('get_activity_stats', { fromDate: '2026-11-01T00:00:00Z', toDate: '2026-11-08' }))).toMatch(/^invalid_input: .*fromDate/s);
  });
});
