import { HttpResponse, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, route } from './fake-upstream';

describe('get_item', () => {
  const fake = useFakeUpstream();

  it('sends GET /items/{id} to the upstream and returns its JSON', async () => {
    const upstream = route('get', '/items/id-1', () => HttpResponse.json({ id: 'id-1', name: 'Example' }));
    fake.use(upstream.handler);

    const result = await callTool('get_item', { id: 'id-1', query: { limit: '5' } });

    expect(upstream.received.map(({ method, path, query }) => ({ method, path, query }))).toEqual([{ method: 'GET', path: '/items/id-1', query: { limit: '5' } }]);
    expect(resultJson(result)).toEqual({ id: 'id-1', name: 'Example' });
  });
});
