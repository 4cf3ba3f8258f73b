import { HttpResponse, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, route } from './fake-upstream';
import { DATA_SOURCE_ID, PAGE_ID, list, taskPage, tasksDataSource } from './fixtures';

describe('search', () => {
  const fake = useFakeUpstream();

  it('sends the query, type filter, sort and page size with the pinned Notion-Version, and returns compact results', async () => {
    const searchRoute = route('post', '/search', () =>
      HttpResponse.json(list([taskPage(PAGE_ID, 'Ship v2'), tasksDataSource], null, 'page_or_data_source')),
    );
    fake.use(searchRoute.handler);
    const result = await callTool('search', { query: 'ship', type: 'page', sort: 'last_edited', limit: 10 });

    const sent = searchRoute.received[0];
    expect(sent?.body).toEqual({
      query: 'ship',
      filter: { property: 'object', value: 'page' },
      sort: { timestamp: 'last_edited_time', direction: 'descending' },
      page_size: 10,
    });
    expect(sent?.headers.get('notion-version')).toBe('2025-09-03');
    expect(sent?.headers.get('authorization')).toBe('Bearer ntn_test_token_000000');
    expect(resultJson(result)).toEqual({
      items: [
        {
          object: 'page',
          id: PAGE_ID,
          title: 'Ship v2',
          url: 'https://www.notion.so/Ship-v2-598337872cf94fdf8782e53db20768a5',
          parent: { type: 'data_source', id: DATA_SOURCE_ID },
          lastEditedTime: '2025-09-12T08:30:00.000Z',
        },
        {
          object: 'data_source',
          id: DATA_SOURCE_ID,
          title: 'Tasks',
          url: 'https://www.notion.so/248104cd477e80fdb757e945d38000bd',
          parent: { type: 'database', id: '248104cd-477e-80fd-b757-e945d38000bd' },
          lastEditedTime: '2025-09-12T08:30:00.000Z',
        },
      ],
    });
  });

  it('sends only the page size when no filters are given', async () => {
    const searchRoute = route('post', '/search', () => HttpResponse.json(list([], null, 'page_or_data_source')));
    fake.use(searchRoute.handler);
    expect(resultJson(await callTool('search', {}))).toEqual({ items: [] });
    expect(searchRoute.received[0]?.body).toEqual({ page_size: 25 });
  });
});
