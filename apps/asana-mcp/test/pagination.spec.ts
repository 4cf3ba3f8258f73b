import { encodeCursor } from '@sophia/mcp-base';
import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaData, callTool, route } from './fake-upstream';
import { projectSummary, section, taskSummary, userWithEmail, workspace } from './fixtures/asana';

const INVALID_CURSOR = 'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged';

/** The offset-paged list tools page the same way; one table covers them. */
const offsetTools = [
  { tool: 'list_workspaces', path: '/workspaces', args: {}, item: workspace('1200000000000010', 'My Company Workspace') },
  {
    tool: 'list_project_tasks',
    path: '/projects/1200000000000100/tasks',
    args: { projectGid: '1200000000000100' },
    item: taskSummary('1200000000001001'),
  },
  { tool: 'list_projects', path: '/projects', args: { workspaceGid: '1200000000000010' }, item: projectSummary('1200000000000100', 'Launch') },
  { tool: 'list_users', path: '/users', args: { workspaceGid: '1200000000000010' }, item: userWithEmail('1200000000000001', 'Greg', null) },
  {
    tool: 'list_sections',
    path: '/projects/1200000000000100/sections',
    args: { projectGid: '1200000000000100' },
    item: section('1200000000000200', 'Done'),
  },
];

describe.each(offsetTools)('$tool pagination', ({ tool, path, args, item }) => {
  const fake = useFakeUpstream();

  it("turns next_page.offset into nextCursor, and the cursor back into Asana's offset", async () => {
    const list = route('get', path, (request) =>
      asanaData([item], request.query['offset'] === 'eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9' ? null : 'eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9'),
    );
    fake.use(list.handler);

    const first = resultJson<{ items: unknown[]; nextCursor?: string }>(await callTool(tool, { ...args, limit: 1 }));
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = resultJson<Record<string, unknown>>(await callTool(tool, { ...args, limit: 1, cursor: first.nextCursor }));
    expect(list.received.map((request) => [request.query['limit'], request.query['offset']])).toEqual([
      ['1', undefined],
      ['1', 'eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9'],
    ]);
    expect(second).not.toHaveProperty('nextCursor');
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['a cursor without an offset', encodeCursor({ page: 2 })],
  ])('rejects %s as invalid_input without calling Asana', async (_label, cursor) => {
    // No route: any request would be unmatched and fail differently.
    expect(resultError(await callTool(tool, { ...args, cursor }))).toBe(INVALID_CURSOR);
  });
});

describe('search_tasks pagination (created_at boundary, no offsets)', () => {
  const fake = useFakeUpstream();
  const path = '/workspaces/1200000000000010/tasks/search';
  const created = (day: number) => `2026-08-${String(day).padStart(2, '0')}T10:00:00.000Z`;

  it.each([
    [false, 'created_at.before'],
    [true, 'created_at.after'],
  ])('sortAscending %s: resumes with %s = the last task\'s created_at', async (sortAscending, bound) => {
    const search = route('get', path, (_request, call) =>
      call === 1
        ? asanaData([taskSummary('1', { created_at: created(9) }), taskSummary('2', { created_at: created(8) })])
        : asanaData([taskSummary('3', { created_at: created(7) })]),
    );
    fake.use(search.handler);
    const args = { workspaceGid: '1200000000000010', text: 'catnip', sortAscending, limit: 2 };

    const first = resultJson<{ nextCursor?: string }>(await callTool('search_tasks', args));
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(search.received[0]?.query).not.toHaveProperty(bound);

    const second = resultJson<Record<string, unknown>>(await callTool('search_tasks', { ...args, cursor: first.nextCursor }));
    expect(search.received[1]?.query).toMatchObject({ text: 'catnip', sort_by: 'created_at', [bound]: created(8), limit: '2' });
    // A short page is the last one.
    expect(second).not.toHaveProperty('nextCursor');
  });

  it('rejects a cursor from a search with another order', async () => {
    const cursor = encodeCursor({ createdAt: created(8), ascending: false });
    expect(resultError(await callTool('search_tasks', { workspaceGid: '1200000000000010', sortAscending: true, cursor }))).toBe(
      'invalid_input: cursor is not valid: it belongs to a search with another order; repeat the same sortBy and sortAscending',
    );
  });

  it('rejects a cursor that is not a search cursor', async () => {
    const cursor = encodeCursor({ offset: 'abc' });
    expect(resultError(await callTool('search_tasks', { workspaceGid: '1200000000000010', cursor }))).toBe(INVALID_CURSOR);
  });
});
