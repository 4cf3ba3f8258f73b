import { encodeCursor } from '@sophia/mcp-base';
import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, route } from './fake-upstream';
import { DATA_SOURCE_ID, PAGE_ID, comment, list, person, taskPage, text } from './fixtures';

/** Both list tools page with Notion's start_cursor / next_cursor in the JSON body. */
const listTools = [
  { tool: 'search', path: '/search', args: { query: 'ship' } },
  { tool: 'query_data_source', path: `/data_sources/${DATA_SOURCE_ID}/query`, args: { dataSourceId: DATA_SOURCE_ID } },
];

describe.each(listTools)('$tool pagination', ({ tool, path, args }) => {
  const fake = useFakeUpstream();

  it('turns next_cursor into nextCursor, and nextCursor back into start_cursor', async () => {
    const listRoute = route('post', path, (_request, call) =>
      HttpResponse.json(list([taskPage(PAGE_ID, 'Ship v2')], call === 1 ? 'notion-cursor-2' : null, 'page_or_data_source')),
    );
    fake.use(listRoute.handler);

    const first = resultJson<{ items: unknown[]; nextCursor?: string }>(await callTool(tool, { ...args, limit: 1 }));
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.nextCursor).not.toBe('notion-cursor-2');

    const second = resultJson<Record<string, unknown>>(await callTool(tool, { ...args, limit: 1, cursor: first.nextCursor }));
    expect(second).not.toHaveProperty('nextCursor');
    expect(listRoute.received.map((request) => request.body)).toEqual([
      expect.objectContaining({ page_size: 1 }),
      expect.objectContaining({ page_size: 1, start_cursor: 'notion-cursor-2' }),
    ]);
    expect(listRoute.received[0]?.body).not.toHaveProperty('start_cursor');
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['a cursor without a Notion cursor', encodeCursor({ page: 2 })],
  ])('rejects %s as invalid_input without calling Notion', async (_label, cursor) => {
    // No route: any request would be unmatched and fail the test.
    expect(resultError(await callTool(tool, { ...args, cursor }))).toBe(
      'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged',
    );
  });
});

/** The GET lists carry start_cursor / page_size in the query string. */
const getListTools = [
  { tool: 'list_comments', path: '/comments', args: { blockId: PAGE_ID }, item: () => comment(PAGE_ID, [text('hi')]), type: 'comment' },
  { tool: 'list_users', path: '/users', args: {}, item: () => person(PAGE_ID, 'Ada Lovelace'), type: 'user' },
];

describe.each(getListTools)('$tool pagination', ({ tool, path, args, item, type }) => {
  const fake = useFakeUpstream();

  it('turns next_cursor into nextCursor, and nextCursor back into start_cursor', async () => {
    const listRoute = route('get', path, (_request, call) => HttpResponse.json(list([item()], call === 1 ? 'notion-cursor-2' : null, type)));
    fake.use(listRoute.handler);

    const first = resultJson<{ items: unknown[]; nextCursor?: string }>(await callTool(tool, { ...args, limit: 1 }));
    expect(first.items).toHaveLength(1);
    const second = resultJson<Record<string, unknown>>(await callTool(tool, { ...args, limit: 1, cursor: first.nextCursor }));
    expect(second).not.toHaveProperty('nextCursor');
    expect(listRoute.received.map((request) => request.query)).toEqual([
      expect.not.objectContaining({ start_cursor: expect.anything() }),
      expect.objectContaining({ page_size: '1', start_cursor: 'notion-cursor-2' }),
    ]);
  });

  it('rejects a cursor it did not make without calling Notion', async () => {
    expect(resultError(await callTool(tool, { ...args, cursor: 'not-a-cursor!' }))).toBe(
      'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged',
    );
  });
});
