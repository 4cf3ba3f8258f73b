import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, errors, fakeLinear, linearData, linearErrors } from './fake-upstream';
import { PROJECT_ID, STATE_ID, TEAM_ID, USER_ID, commentNode, issueNode, pageInfo } from './fixtures';

describe('issues toolset', () => {
  const fake = useFakeUpstream();

  describe('list_issues', () => {
    it('turns every filter into one IssueFilter and returns compact issues', async () => {
      const linear = fakeLinear({
        ListIssues: () => linearData({ issues: { nodes: [issueNode('ENG-123')], pageInfo: pageInfo() } }),
      });
      fake.use(linear.handler);
      const result = await callTool('list_issues', {
        team: 'eng',
        state: 'In Progress',
        stateType: 'started',
        assignee: 'me',
        label: 'bug',
        project: 'Web checkout',
        query: 'login',
        orderBy: 'createdAt',
        limit: 10,
      });

      expect(linear.variablesOf('ListIssues')).toEqual([
        {
          first: 10,
          orderBy: 'createdAt',
          includeArchived: false,
          filter: {
            team: { or: [{ key: { eqIgnoreCase: 'eng' } }, { name: { eqIgnoreCase: 'eng' } }] },
            state: { name: { eqIgnoreCase: 'In Progress' }, type: { eq: 'started' } },
            assignee: { isMe: { eq: true } },
            labels: { some: { name: { eqIgnoreCase: 'bug' } } },
            project: { name: { eqIgnoreCase: 'Web checkout' } },
            title: { containsIgnoreCase: 'login' },
          },
        },
      ]);
      expect(resultJson(result)).toEqual({
        items: [
          {
            id: 'c1d2e3f4-4444-4d5e-9f60-718293041526',
            identifier: 'ENG-123',
            title: 'Login button does nothing on Safari',
            state: 'In Progress',
            stateType: 'started',
            priority: 2,
            priorityLabel: 'High',
            assignee: 'Ada Lovelace',
            team: 'ENG',
            project: 'Web checkout',
            labels: ['Bug', 'Frontend'],
            estimate: 3,
            dueDate: '2026-08-31',
            url: 'https://linear.app/acme/issue/ENG-123/login-button-does-nothing-on-safari',
            createdAt: '2026-07-01T09:00:00.000Z',
            updatedAt: '2026-07-20T15:30:00.000Z',
            completedAt: null,
          },
        ],
      });
      // Only the fields we return are selected: no description, no nested comments.
      expect(linear.received[0]?.query).not.toMatch(/description|comments/);
    });

    it.each([
      ['none', { null: true }],
      ['ada@example.com', { email: { eqIgnoreCase: 'ada@example.com' } }],
      [USER_ID, { id: { eq: USER_ID } }],
      ['Ada Lovelace', { or: [{ name: { eqIgnoreCase: 'Ada Lovelace' } }, { displayName: { eqIgnoreCase: 'Ada Lovelace' } }] }],
    ])('assignee %s becomes the right user filter', async (assignee, expected) => {
      const linear = fakeLinear({ ListIssues: () => linearData({ issues: { nodes: [], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      await callTool('list_issues', { assignee });
      expect(linear.variablesOf('ListIssues')[0]?.['filter']).toEqual({ assignee: expected });
    });

    it('sends no filter, 25 per page, newest updates first when nothing narrows', async () => {
      const linear = fakeLinear({ ListIssues: () => linearData({ issues: { nodes: [], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      expect(resultJson(await callTool('list_issues'))).toEqual({ items: [] });
      expect(linear.variablesOf('ListIssues')).toEqual([{ first: 25, orderBy: 'updatedAt', includeArchived: false }]);
    });
  });

  describe('get_issue', () => {
    it('returns the issue with its description and first comments, capped, and a cursor for the rest', async () => {
      const long = 'x'.repeat(4500);
      const linear = fakeLinear({
        GetIssue: () =>
          linearData({
            issue: {
              ...issueNode('ENG-123'),
              description: 'Steps to reproduce:\n1. Open Safari',
              creator: { name: 'Grace Hopper' },
              parent: { identifier: 'ENG-100' },
              comments: {
                nodes: [commentNode('c-1', 'Grace Hopper', 'Reproduced on 17.5'), commentNode('c-2', null, long, { parent: { id: 'c-1' } })],
                pageInfo: pageInfo(true, 'comment-cursor-2'),
              },
            },
          }),
      });
      fake.use(linear.handler);
      const result = await callTool('get_issue', { id: 'ENG-123', commentLimit: 2 });

      expect(linear.variablesOf('GetIssue')).toEqual([{ id: 'ENG-123', commentsFirst: 2, withComments: true }]);
      const issue = resultJson<Record<string, unknown> & { comments: Array<Record<string, unknown>>; moreCommentsCursor: string }>(result);
      expect(issue).toMatchObject({
        identifier: 'ENG-123',
        creator: 'Grace Hopper',
        parent: 'ENG-100',
        description: 'Steps to reproduce:\n1. Open Safari',
      });
      expect(issue.comments[0]).toEqual({
        id: 'c-1',
        author: 'Grace Hopper',
        body: 'Reproduced on 17.5',
        parentId: null,
        url: 'https://linear.app/acme/issue/ENG-123#comment-c-1',
        createdAt: '2026-07-02T10:00:00.000Z',
        editedAt: null,
      });
      expect(issue.comments[1]).toMatchObject({ author: null, parentId: 'c-1', body: `${'x'.repeat(4000)}\n… [truncated: 500 more characters not shown]` });
      expect(issue.moreCommentsCursor).toEqual(expect.any(String));
    });

    it('caps a huge description with a visible marker', async () => {
      fake.use(
        fakeLinear({ GetIssue: () => linearData({ issue: { ...issueNode('ENG-1'), description: 'y'.repeat(20_010), creator: null, parent: null } }) }).handler,
      );
      const issue = resultJson<{ description: string; comments: unknown[] }>(await callTool('get_issue', { id: 'ENG-1', commentLimit: 0 }));
      expect(issue.description).toBe(`${'y'.repeat(20_000)}\n… [truncated: 10 more characters not shown]`);
      expect(issue.comments).toEqual([]);
    });

    it('skips the comments (via @include) when commentLimit is 0', async () => {
      const linear = fakeLinear({ GetIssue: () => linearData({ issue: { ...issueNode('ENG-1'), description: null, creator: null, parent: null } }) });
      fake.use(linear.handler);
      const issue = resultJson(await callTool('get_issue', { id: 'ENG-1', commentLimit: 0 }));
      expect(linear.variablesOf('GetIssue')[0]).toMatchObject({ withComments: false });
      expect(linear.received[0]?.query).toContain('@include(if: $withComments)');
      expect(issue).not.toHaveProperty('moreCommentsCursor');
    });

    it('turns "Entity not found" into not_found', async () => {
      fake.use(fakeLinear({ GetIssue: () => linearErrors(200, [errors.entityNotFound('Issue', 'issue')]) }).handler);
      expect(resultError(await callTool('get_issue', { id: 'ENG-999' }))).toBe(
        'not_found: Linear found nothing there: Could not find referenced Issue.',
      );
    });
  });

  describe('list_issue_statuses', () => {
    it('filters by team and returns states in board order', async () => {
      const linear = fakeLinear({
        ListIssueStatuses: () =>
          linearData({
            workflowStates: {
              nodes: [
                { id: 's-3', name: 'Done', type: 'completed', color: '#5e6ad2', position: 3, team: { key: 'ENG' } },
                { id: 's-1', name: 'Todo', type: 'unstarted', color: '#e2e2e2', position: 1, team: { key: 'ENG' } },
              ],
              pageInfo: pageInfo(),
            },
          }),
      });
      fake.use(linear.handler);
      const result = await callTool('list_issue_statuses', { team: TEAM_ID });
      expect(linear.variablesOf('ListIssueStatuses')).toEqual([{ first: 25, filter: { team: { id: { eq: TEAM_ID } } } }]);
      expect(resultJson(result)).toEqual({
        items: [
          { id: 's-1', name: 'Todo', type: 'unstarted', color: '#e2e2e2', team: 'ENG' },
          { id: 's-3', name: 'Done', type: 'completed', color: '#5e6ad2', team: 'ENG' },
        ],
      });
    });
  });

  describe('save_issue', () => {
    it('creates an issue from the given fields and returns it', async () => {
      const linear = fakeLinear({
        CreateIssue: () => linearData({ issueCreate: { success: true, issue: issueNode('ENG-124', { state: { name: 'Todo', type: 'unstarted' } }) } }),
      });
      fake.use(linear.handler);
      const result = await callTool('save_issue', {
        teamId: TEAM_ID,
        title: 'Login button does nothing on Safari',
        description: 'Steps to reproduce…',
        stateId: STATE_ID,
        priority: 2,
        projectId: PROJECT_ID,
        dueDate: '2026-08-31',
        parentId: 'ENG-100',
      });

      expect(linear.variablesOf('CreateIssue')).toEqual([
        {
          input: {
            teamId: TEAM_ID,
            title: 'Login button does nothing on Safari',
            description: 'Steps to reproduce…',
            stateId: STATE_ID,
            priority: 2,
            projectId: PROJECT_ID,
            dueDate: '2026-08-31',
            parentId: 'ENG-100',
          },
        },
      ]);
      expect(resultJson(result)).toMatchObject({ action: 'created', identifier: 'ENG-124', state: 'Todo' });
    });

    it('updates only the given fields, resolving assignee "me" and sending null to clear', async () => {
      const linear = fakeLinear({
        ViewerId: () => linearData({ viewer: { id: USER_ID } }),
        UpdateIssue: () => linearData({ issueUpdate: { success: true, issue: issueNode('ENG-123', { project: null }) } }),
      });
      fake.use(linear.handler);
      const result = await callTool('save_issue', { id: 'ENG-123', assigneeId: 'me', projectId: null });

      expect(linear.received.map((operation) => operation.name)).toEqual(['ViewerId', 'UpdateIssue']);
      expect(linear.variablesOf('UpdateIssue')).toEqual([{ id: 'ENG-123', input: { assigneeId: USER_ID, projectId: null } }]);
      expect(resultJson(result)).toMatchObject({ action: 'updated', identifier: 'ENG-123', project: null });
    });

    it.each([
      ['a create without teamId', { title: 'Bug' }, 'invalid_input: creating an issue needs teamId and title (or pass id to update an issue)'],
      ['an update with nothing to change', { id: 'ENG-123' }, 'invalid_input: nothing to update: pass at least one field besides id'],
    ])('refuses %s without calling Linear', async (_label, args, message) => {
      // No handler: a request would be unmatched and fail the test.
      expect(resultError(await callTool('save_issue', args))).toBe(message);
    });

    it("turns Linear's validation error into invalid_input with its message", async () => {
      fake.use(fakeLinear({ CreateIssue: () => linearErrors(400, [errors.invalidInput('title must be shorter than 256 characters')]) }).handler);
      const result = await callTool('save_issue', { teamId: TEAM_ID, title: 'Bug' });
      expect(resultError(result)).toBe('invalid_input: Linear rejected the request (HTTP 400): title must be shorter than 256 characters.');
    });

    it('reports success: false as upstream_error', async () => {
      fake.use(fakeLinear({ UpdateIssue: () => linearData({ issueUpdate: { success: false, issue: null } }) }).handler);
      expect(resultError(await callTool('save_issue', { id: 'ENG-123', title: 'New title' }))).toBe(
        'upstream_error: Linear did not save the issue (success: false).',
      );
    });
  });
});
