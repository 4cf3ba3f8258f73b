import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, hubspotError, route, structured } from './fake-upstream';
import { deal, page } from './fixtures/crm';

describe('search_crm_objects', () => {
  const fake = useFakeUpstream();

  it('sends filterGroups, sort, query, properties and limit as HubSpot documents them and returns compact records', async () => {
    const search = route('post', '/crm/v3/objects/deals/search', () =>
      HttpResponse.json(page([deal('101', { amount: '25000' })], undefined, 1)),
    );
    fake.use(search.handler);

    const result = await callTool('search_crm_objects', {
      objectType: 'deals',
      query: 'renewal',
      filterGroups: [
        { filters: [{ propertyName: 'amount', operator: 'GT', value: '10000' }, { propertyName: 'dealstage', operator: 'IN', values: ['qualifiedtobuy', 'contractsent'] }] },
        { filters: [{ propertyName: 'closedate', operator: 'BETWEEN', value: '2026-04-01', highValue: '2026-06-30' }] },
      ],
      sort: { propertyName: 'amount' },
      properties: ['dealname', 'amount'],
      limit: 50,
    });

    expect(search.received[0]?.body).toEqual({
      query: 'renewal',
      filterGroups: [
        { filters: [{ propertyName: 'amount', operator: 'GT', value: '10000' }, { propertyName: 'dealstage', operator: 'IN', values: ['qualifiedtobuy', 'contractsent'] }] },
        { filters: [{ propertyName: 'closedate', operator: 'BETWEEN', value: '2026-04-01', highValue: '2026-06-30' }] },
      ],
      sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }],
      properties: ['dealname', 'amount'],
      limit: 50,
    });
    expect(search.received[0]?.headers.get('authorization')).toBe('Bearer pat-na1-00000000-1111-2222-3333-444444444444');
    expect(structured('search_crm_objects', result)).toEqual({
      total: 1,
      results: [
        {
          id: '101',
          properties: expect.objectContaining({ dealname: 'Deal 101', amount: '25000' }),
          createdAt: '2026-03-01T09:00:00.000Z',
          updatedAt: '2026-04-01T09:00:00.000Z',
        },
      ],
    });
  });

  it('pages with an opaque cursor around paging.next.after, to the last page', async () => {
    const search = route('post', '/crm/v3/objects/deals/search', (request) =>
      HttpResponse.json(
        (request.body as { after?: string }).after === '2'
          ? page([deal('103')], undefined, 3)
          : page([deal('101'), deal('102')], '2', 3),
      ),
    );
    fake.use(search.handler);

    const first = structured('search_crm_objects', await callTool('search_crm_objects', { objectType: 'deals', limit: 2 }));
    expect(first['results']).toHaveLength(2);
    expect(first['nextCursor']).toEqual(expect.any(String));
    expect(first['nextCursor']).not.toBe('2');

    const second = structured(
      'search_crm_objects',
      await callTool('search_crm_objects', { objectType: 'deals', limit: 2, cursor: first['nextCursor'] }),
    );
    expect(second).toEqual({ total: 3, results: [expect.objectContaining({ id: '103' })] });
    expect(search.received.map((request) => (request.body as { after?: string }).after)).toEqual([undefined, '2']);
  });

  it.each([
    [{ propertyName: 'dealstage', operator: 'IN' }, 'IN needs values'],
    [{ propertyName: 'amount', operator: 'BETWEEN', value: '1' }, 'BETWEEN needs highValue'],
    [{ propertyName: 'amount', operator: 'EQ' }, 'EQ needs value'],
    [{ propertyName: 'Deal Stage', operator: 'HAS_PROPERTY' }, 'internal property name'],
  ])('refuses the incomplete filter %j before any request', async (badFilter, message) => {
    // No handler: a request reaching the fake fails the test.
    const result = await callTool('search_crm_objects', { objectType: 'deals', filterGroups: [{ filters: [badFilter] }] });
    expect(resultError(result)).toMatch(/^invalid_input: /);
    expect(resultError(result)).toContain(message);
  });

  it('refuses more than 25 filters in all', async () => {
    const filters = Array.from({ length: 9 }, () => ({ propertyName: 'amount', operator: 'GT', value: '1' }));
    const result = await callTool('search_crm_objects', { objectType: 'deals', filterGroups: [{ filters }, { filters }, { filters }] });
    expect(resultError(result)).toContain('at most 25 filters in all');
  });

  it("a malformed filter HubSpot rejects → invalid_input with HubSpot's reasons", async () => {
    fake.use(
      route('post', '/crm/v3/objects/deals/search', () =>
        hubspotError(400, 'There was a problem with the request.', {
          category: 'VALIDATION_ERROR',
          errors: [{ message: 'Property "amout" does not exist', code: 'INVALID_PROPERTY' }],
        }),
      ).handler,
    );
    const result = await callTool('search_crm_objects', { objectType: 'deals', filterGroups: [{ filters: [{ propertyName: 'amout', operator: 'GT', value: '1' }] }] });
    expect(resultError(result)).toBe(
      'invalid_input: HubSpot rejected the request (HTTP 400): There was a problem with the request; Property "amout" does not exist.',
    );
  });

  it('a 429 from HubSpot despite the pacing (other clients of the token) → rate_limited naming the wait', async () => {
    const search = route('post', '/crm/v3/objects/deals/search', () =>
      hubspotError(429, 'You have reached your secondly limit.', { errorType: 'RATE_LIMIT', policyName: 'SECONDLY', headers: { 'retry-after': '10' } }),
    );
    fake.use(search.handler);
    expect(resultError(await callTool('search_crm_objects', { objectType: 'deals', query: 'renewal' }))).toBe(
      'rate_limited: HubSpot rate limit reached (HTTP 429): You have reached your secondly limit. Retry after 10s.',
    );
    expect(search.received).toHaveLength(1);
  });
});
