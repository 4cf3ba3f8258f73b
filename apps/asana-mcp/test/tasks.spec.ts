import { outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaTools } from '../src/tools';
import { asanaData, asanaError, callTool, route } from './fake-upstream';
import { story, taskDetail, taskSummary, user } from './fixtures/asana';

const TASK = '1200000000001001';

describe('tasks toolset', () => {
  const fake = useFakeUpstream();

  describe('search_tasks', () => {
    it("maps the filters to Asana's search parameters and returns compact tasks", async () => {
      const search = route('get', '/workspaces/1200000000000010/tasks/search', () => asanaData([taskSummary(TASK)]));
      fake.use(search.handler);
      const result = await callTool('search_tasks', {
        workspaceGid: '1200000000000010',
        text: 'catnip',
        assignees: ['me', 'greg@example.com'],
        projects: ['1200000000000100', '1200000000000101'],
        completed: false,
        dueAfter: '2026-09-01',
        dueBefore: '2026-09-30',
        limit: 50,
      });

      expect(search.received[0]?.query).toEqual({
        text: 'catnip',
        'assignee.any': 'me,greg@example.com',
        'projects.any': '1200000000000100,1200000000000101',
        completed: 'false',
        'due_on.after': '2026-09-01',
        'due_on.before': '2026-09-30',
        sort_by: 'created_at',
        sort_ascending: 'false',
        limit: '50',
        opt_fields: 'name,completed,assignee.name,due_on,due_at,created_at,modified_at,permalink_url',
      });
      expect(resultJson(result)).toEqual({
        items: [expect.objectContaining({ gid: TASK, name: 'Buy catnip', assignee: { gid: '1200000000000001', name: 'Greg Sanchez' } })],
      });
    });

    it('says when another sort order may have left tasks out, since only created_at pages', async () => {
      fake.use(route('get', '/workspaces/1200000000000010/tasks/search', () => asanaData([taskSummary('1'), taskSummary('2')])).handler);
      const page = resultJson<Record<string, unknown>>(
        await callTool('search_tasks', { workspaceGid: '1200000000000010', sortBy: 'modified_at', limit: 2 }),
      );
      expect(page).not.toHaveProperty('nextCursor');
      expect(page['note']).toMatch(/sort by created_at to page/);
    });

    it('declares its output: the answer also goes out as structuredContent', async () => {
      fake.use(route('get', '/workspaces/1200000000000010/tasks/search', () => asanaData([taskSummary(TASK)])).handler);
      const result = await callTool('search_tasks', { workspaceGid: '1200000000000010' });
      structuredContent(result, outputOf(asanaTools, 'search_tasks'));
    });
  });

  describe('get_task', () => {
    it('returns the task with subtasks and only its comments, capped one by one', async () => {
      const long = 'x'.repeat(4500);
      const get = route('get', `/tasks/${TASK}`, () => asanaData(taskDetail(TASK)));
      const subtasks = route('get', `/tasks/${TASK}/subtasks`, () =>
        asanaData([taskSummary('1200000000002001', { name: 'Find a shop' }), taskSummary('1200000000002002', { name: 'Pay', completed: true })], null),
      );
      const stories = route('get', `/tasks/${TASK}/stories`, () =>
        asanaData(
          [
            story('1200000000003001', 'added_to_project', 'added to Stuff to buy'),
            story('1200000000003002', 'comment_added', 'Which brand?', user('1200000000000002', 'Tim Bizarro')),
            story('1200000000003003', 'assigned', 'assigned to Greg Sanchez'),
            story('1200000000003004', 'comment_added', long),
          ],
          null,
        ),
      );
      fake.use(get.handler, subtasks.handler, stories.handler);
      const result = await callTool('get_task', { taskGid: TASK });

      expect(get.received[0]?.query['opt_fields']?.split(',')).toEqual(
        expect.arrayContaining(['notes', 'memberships.section.name', 'custom_fields.display_value', 'num_subtasks']),
      );
      expect(subtasks.received[0]?.query).toEqual({ limit: '50', opt_fields: 'name,completed,assignee.name,due_on,due_at' });
      expect(stories.received[0]?.query).toEqual({ limit: '100', opt_fields: 'resource_subtype,text,created_at,created_by.name' });

      const task = resultJson<Record<string, unknown> & { stories: Array<{ text: string }> }>(result);
      expect(task).toMatchObject({
        gid: TASK,
        name: 'Buy catnip',
        notes: 'Mittens really likes the stuff from Humboldt.',
        workspace: { gid: '1200000000000010', name: 'My Company Workspace' },
        projects: [{ gid: '1200000000000100', name: 'Stuff to buy' }],
        sections: [
          { project: { gid: '1200000000000100', name: 'Stuff to buy' }, section: { gid: '1200000000000200', name: 'Next actions' } },
        ],
        tags: [{ gid: '1200000000000300', name: 'Pets' }],
        customFields: [
          { name: 'Priority', value: 'High' },
          { name: 'Estimate', value: null },
        ],
        subtaskCount: 3,
        subtasks: [
          { gid: '1200000000002001', name: 'Find a shop', completed: false, assignee: { gid: '1200000000000001', name: 'Greg Sanchez' }, dueOn: '2026-09-15', dueAt: null },
          expect.objectContaining({ gid: '1200000000002002', completed: true }),
        ],
        moreSubtasks: 1,
        moreStories: false,
      });
      expect(task.stories).toEqual([
        {
          gid: '1200000000003002',
          type: 'comment_added',
          author: { gid: '1200000000000002', name: 'Tim Bizarro' },
          createdAt: '2026-08-03T12:00:00.000Z',
          text: 'Which brand?',
        },
        expect.objectContaining({ gid: '1200000000003004', text: `${'x'.repeat(4000)}\n… [truncated: 500 more characters not shown]` }),
      ]);
    });

    it('includes system stories with includeActivity and reports the ones past storyLimit', async () => {
      fake.use(
        route('get', `/tasks/${TASK}`, () => asanaData(taskDetail(TASK, { num_subtasks: 0 }))).handler,
        route('get', `/tasks/${TASK}/stories`, () =>
          asanaData([story('1', 'added_to_project', 'added to Stuff to buy'), story('2', 'comment_added', 'Which brand?')], 'eyJ0eXAiOJiKV1iQLCJhbGciOiJIUzI1NiJ9'),
        ).handler,
      );
      const result = await callTool('get_task', { taskGid: TASK, includeActivity: true, storyLimit: 1, subtaskLimit: 0 });
      const task = resultJson<{ stories: Array<{ type: string }>; moreStories: boolean; subtasks: unknown[] }>(result);
      expect(task.stories.map((item) => item.type)).toEqual(['added_to_project']);
      expect(task.moreStories).toBe(true);
      // subtaskLimit 0: no subtasks request (an unmatched request would fail the call).
      expect(task.subtasks).toEqual([]);
    });

    it("turns a 404 into not_found with Asana's message", async () => {
      fake.use(
        route('get', '/tasks/404', () => asanaError(404, 'task: Unknown object: 404')).handler,
        route('get', '/tasks/404/subtasks', () => asanaError(404, 'task: Unknown object: 404')).handler,
        route('get', '/tasks/404/stories', () => asanaError(404, 'task: Unknown object: 404')).handler,
      );
      expect(resultError(await callTool('get_task', { taskGid: '404' }))).toBe(
        'not_found: Asana found nothing there (HTTP 404): task: Unknown object: 404.',
      );
    });
  });

  describe('create_task', () => {
    it('posts the fields inside { data } and returns the created task', async () => {
      const create = route('post', '/tasks', () => asanaData(taskDetail(TASK, { num_subtasks: 0 }), undefined, 201));
      fake.use(create.handler);
      const result = await callTool('create_task', {
        name: 'Buy catnip',
        notes: 'Mittens really likes the stuff from Humboldt.',
        projectGids: ['1200000000000100'],
        assignee: 'me',
        dueOn: '2026-09-15',
      });

      expect(create.received[0]?.body).toEqual({
        data: {
          name: 'Buy catnip',
          notes: 'Mittens really likes the stuff from Humboldt.',
          projects: ['1200000000000100'],
          assignee: 'me',
          due_on: '2026-09-15',
        },
      });
      expect(create.received[0]?.query['opt_fields']).toContain('permalink_url');
      expect(resultJson(result)).toMatchObject({ gid: TASK, name: 'Buy catnip', projects: [{ gid: '1200000000000100', name: 'Stuff to buy' }] });
    });

    it('refuses a task without a workspace, project or parent before calling Asana', async () => {
      expect(resultError(await callTool('create_task', { name: 'Orphan' }))).toBe(
        'invalid_input: give workspaceGid, projectGids or parentTaskGid: Asana needs to know where the task goes',
      );
    });

    it("turns Asana's 400 into invalid_input with its message", async () => {
      fake.use(
        route('post', '/tasks', () => asanaError(400, 'assignee: Not a recognized ID: nobody@example.com')).handler,
      );
      expect(resultError(await callTool('create_task', { name: 'x', workspaceGid: '1200000000000010', assignee: 'nobody@example.com' }))).toBe(
        'invalid_input: Asana rejected the request (HTTP 400): assignee: Not a recognized ID: nobody@example.com.',
      );
    });

    it('does not retry a POST that failed with a 5xx, so the task is never created twice', async () => {
      const create = route('post', '/tasks', () => asanaError(503, 'Service Unavailable'));
      fake.use(create.handler);
      expect(resultError(await callTool('create_task', { name: 'x', workspaceGid: '1200000000000010' }))).toBe(
        'upstream_error: Asana failed (HTTP 503): Service Unavailable.',
      );
      expect(create.received).toHaveLength(1);
    });
  });

  describe('update_task', () => {
    it('sends only the given fields (null clears) with PUT and returns the task', async () => {
      const update = route('put', `/tasks/${TASK}`, () => asanaData(taskDetail(TASK, { completed: true, assignee: null, due_on: null })));
      fake.use(update.handler);
      const result = await callTool('update_task', { taskGid: TASK, completed: true, assignee: null, dueOn: null });

      expect(update.received[0]?.body).toEqual({ data: { completed: true, assignee: null, due_on: null } });
      expect(resultJson(result)).toMatchObject({ gid: TASK, completed: true, assignee: null, dueOn: null });
    });

    it('refuses an update without changes before calling Asana', async () => {
      expect(resultError(await callTool('update_task', { taskGid: TASK }))).toMatch(/^invalid_input: nothing to update/);
    });
  });

  describe('add_comment', () => {
    it('posts the text as a story and returns the comment', async () => {
      const create = route('post', `/tasks/${TASK}/stories`, () =>
        asanaData(story('1200000000003009', 'comment_added', 'Ordered two bags.'), undefined, 201),
      );
      fake.use(create.handler);
      const result = await callTool('add_comment', { taskGid: TASK, text: 'Ordered two bags.' });

      expect(create.received[0]?.body).toEqual({ data: { text: 'Ordered two bags.' } });
      expect(create.received[0]?.query).toEqual({ opt_fields: 'resource_subtype,text,created_at,created_by.name' });
      expect(resultJson(result)).toEqual({
        gid: '1200000000003009',
        author: { gid: '1200000000000001', name: 'Greg Sanchez' },
        createdAt: '2026-08-03T12:00:00.000Z',
        text: 'Ordered two bags.',
      });
    });
  });
});
