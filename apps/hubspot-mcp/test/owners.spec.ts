import { HttpResponse, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, route, structured } from './fake-upstream';
import { owner, page } from './fixtures/crm';

describe('list_owners', () => {
  const fake = useFakeUpstream();

  it('filters by email, pages with after and answers id, name, email and teams', async () => {
    const owners = route('get', '/crm/v3/owners', (request) =>
      HttpResponse.json(
        request.query['after'] === 'b'
          ? page([owner('2', 'alan@example.com', { firstName: 'Alan', lastName: 'Turing', teams: [] })])
          : page([owner('1', 'grace@example.com')], 'b'),
      ),
    );
    fake.use(owners.handler);

    const first = structured('list_owners', await callTool('list_owners', { limit: 1 }));
    expect(first['results']).toEqual([{ id: '1', email: 'grace@example.com', name: 'Grace Hopper', userId: 9_876_543, teams: ['EMEA Sales'] }]);
    const second = structured('list_owners', await callTool('list_owners', { limit: 1, cursor: first['nextCursor'] }));
    expect(second).toEqual({ results: [{ id: '2', email: 'alan@example.com', name: 'Alan Turing', userId: 9_876_543, teams: [] }] });

    await callTool('list_owners', { email: 'grace@example.com' });
    expect(owners.received.map((request) => request.query)).toEqual([
      { archived: 'false', limit: '1' },
      { archived: 'false', limit: '1', after: 'b' },
      { email: 'grace@example.com', archived: 'false', limit: '50' },
    ]);
  });
});
