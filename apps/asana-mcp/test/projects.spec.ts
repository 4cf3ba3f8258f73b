import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaData, asanaError, callTool, route } from './fake-upstream';
import { project, taskSummary } from './fixtures/asana';

describe('projects toolset', () => {
  const fake = useFakeUpstream();

  describe('get_project', () => {
    it('asks for the fields it returns and returns the compact project', async () => {
      const get = route('get', '/projects/1200000000000100', () => asanaData(project('1200000000000100')));
      fake.use(get.handler);
      const result = await callTool('get_project', { projectGid: '1200000000000100' });

      expect(get.received[0]?.query['opt_fields']?.split(',')).toEqual(
        expect.arrayContaining(['name', 'notes', 'owner.name', 'team.name', 'current_status_update.status_type']),
      );
      expect(resultJson(result)).toEqual({
        gid: '1200000000000100',
        name: 'Stuff to buy',
        notes: 'These are things we need to purchase.',
        archived: false,
        color: 'light-green',
        owner: { gid: '1200000000000001', name: 'Greg Sanchez' },
        team: { gid: '1200000000000020', name: 'Marketing' },
        workspace: { gid: '1200000000000010', name: 'My Company Workspace' },
        startOn: '2026-08-01',
        dueOn: '2026-12-31',
        currentStatus: { title: 'On track for launch', status: 'on_track' },
        createdAt: '2026-07-01T02:06:58.147Z',
        modifiedAt: '2026-08-02T09:30:00.000Z',
        url: 'https://app.asana.com/0/1200000000000100/list',
      });
    });

    it("turns a 404 into not_found with Asana's message", async () => {
      fake.use(route('get', '/projects/999', () => asanaError(404, 'project: Unknown object: 999')).handler);
      expect(resultError(await callTool('get_project', { projectGid: '999' }))).toBe(
        'not_found: Asana found nothing there (HTTP 404): project: Unknown object: 999.',
      );
    });
  });

  describe('list_project_tasks', () => {
    it('returns compact tasks and asks for incomplete ones with completed_since=now', async () => {
      const list = route('get', '/projects/1200000000000100/tasks', () =>
        asanaData([taskSummary('1200000000001001'), taskSummary('1200000000001002', { name: 'Feed Mittens', assignee: null, due_on: null })], null),
      );
      fake.use(list.handler);
      const result = await callTool('list_project_tasks', { projectGid: '1200000000000100', incompleteOnly: true, limit: 10 });

      expect(list.received[0]?.query).toEqual({
        limit: '10',
        completed_since: 'now',
        opt_fields: 'name,completed,assignee.name,due_on,due_at,created_at,modified_at,permalink_url',
      });
      const { items } = resultJson<{ items: unknown[] }>(result);
      expect(items).toEqual([
        {
          gid: '1200000000001001',
          name: 'Buy catnip',
          completed: false,
          assignee: { gid: '1200000000000001', name: 'Greg Sanchez' },
          dueOn: '2026-09-15',
          dueAt: null,
          createdAt: '2026-08-01T10:00:00.000Z',
          modifiedAt: '2026-08-02T09:30:00.000Z',
          url: 'https://app.asana.com/0/1200000000000100/1200000000001001',
        },
        expect.objectContaining({ gid: '1200000000001002', name: 'Feed Mittens', assignee: null, dueOn: null }),
      ]);
    });

    it('lists all tasks (no completed_since) by default', async () => {
      const list = route('get', '/projects/1200000000000100/tasks', () => asanaData([], null));
      fake.use(list.handler);
      expect(resultJson(await callTool('list_project_tasks', { projectGid: '1200000000000100' }))).toEqual({ items: [] });
      expect(list.received[0]?.query).not.toHaveProperty('completed_since');
    });
  });
});
