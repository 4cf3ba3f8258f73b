import { HttpResponse, connectInMemory, http, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { API_URL, configuredEnv } from './fake-upstream';

describe('item_get', () => {
  const fake = useFakeUpstream();

  it('sends GET /items/{id} to the upstream and returns its JSON', async () => {
    const received: unknown[] = [];
    fake.use(
      http.get(`${API_URL}/items/:id`, async ({ request }) => {
        const url = new URL(request.url);
        received.push({ method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams) });
        return HttpResponse.json({ id: 'id-1', name: 'Example from items' });
      }),
    );

    const { client, close } = await connectInMemory(snowflakeApp, { env: configuredEnv });
    const result = await client.callTool({ name: 'item_get', arguments: { id: 'id-1', query: { limit: '5' } } });
    await close();

    expect(received).toEqual([{ method: 'GET', path: '/items/id-1', query: { limit: '5' } }]);
    expect(resultJson(result)).toEqual({ id: 'id-1', name: 'Example from items' });
  });
});
