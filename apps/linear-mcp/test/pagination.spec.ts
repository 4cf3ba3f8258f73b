import { encodeCursor } from '@sophia/mcp-base';
import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, fakeLinear, linearData } from './fake-upstream';
import { commentNode, cycleNode, documentNode, issueDetail, issueNode, labelNode, pageInfo, projectNode, stateNode, teamNode, userNode } from './fixtures';

type Page = { hasNextPage: boolean; endCursor: string | null };

/** Every list tool pages with Linear's relay cursor the same way; one table covers them all. */
const listTools = [
  { tool: 'list_teams', operation: 'ListTeams', args: {}, data: (page: Page) => ({ teams: { nodes: [teamNode('ENG', 'Engineering')], pageInfo: page } }) },
  { tool: 'list_issues', operation: 'ListIssues', args: {}, data: (page: Page) => ({ issues: { nodes: [issueNode('ENG-1')], pageInfo: page } }) },
  {
    tool: 'list_issue_statuses',
    operation: 'ListIssueStatuses',
    args: {},
    data: (page: Page) => ({ workflowStates: { nodes: [stateNode('Todo', 'unstarted', 1)], pageInfo: page } }),
  },
  { tool: 'list_projects', operation: 'ListProjects', args: {}, data: (page: Page) => ({ projects: { nodes: [projectNode('Web')], pageInfo: page } }) },
  {
    tool: 'list_comments',
    operation: 'ListComments',
    args: { issueId: 'ENG-1' },
    data: (page: Page) => ({ issue: { comments: { nodes: [commentNode('c-1', 'Ada', 'Hi')], pageInfo: page } } }),
  },
  { tool: 'list_issue_labels', operation: 'ListIssueLabels', args: {}, data: (page: Page) => ({ issueLabels: { nodes: [labelNode('Bug')], pageInfo: page } }) },
  { tool: 'list_users', operation: 'ListUsers', args: {}, data: (page: Page) => ({ users: { nodes: [userNode('Ada Lovelace')], pageInfo: page } }) },
  { tool: 'list_cycles', operation: 'ListCycles', args: {}, data: (page: Page) => ({ cycles: { nodes: [cycleNode(12)], pageInfo: page } }) },
  { tool: 'list_documents', operation: 'ListDocuments', args: {}, data: (page: Page) => ({ documents: { nodes: [documentNode('Spec')], pageInfo: page } }) },
];

describe.each(listTools)('$tool pagination', ({ tool, operation, args, data }) => {
  const fake = useFakeUpstream();

  it("turns pageInfo into nextCursor, and the cursor back into Linear's after", async () => {
    const linear = fakeLinear({
      [operation]: (_variables, call) => linearData(data(call < 3 ? pageInfo(true, `linear-cursor-${call}`) : pageInfo(false, 'linear-cursor-3'))),
    });
    fake.use(linear.handler);

    const first = resultJson<{ items: unknown[]; nextCursor?: string }>(await callTool(tool, { ...args, limit: 2 }));
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = resultJson<{ nextCursor?: string }>(await callTool(tool, { ...args, limit: 2, cursor: first.nextCursor }));
    const last = resultJson<Record<string, unknown>>(await callTool(tool, { ...args, limit: 2, cursor: second.nextCursor }));

    expect(linear.variablesOf(operation).map((variables) => [variables['first'], variables['after']])).toEqual([
      [2, undefined],
      [2, 'linear-cursor-1'],
      [2, 'linear-cursor-2'],
    ]);
    expect(last).not.toHaveProperty('nextCursor');
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['a cursor without a Linear cursor in it', encodeCursor({ page: 2 })],
  ])('rejects %s as invalid_input without calling Linear', async (_label, cursor) => {
    // No handler: any request would be unmatched and fail the test.
    expect(resultError(await callTool(tool, { ...args, cursor }))).toBe(
      'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged',
    );
  });
});

describe("get_issue's moreCommentsCursor", () => {
  const fake = useFakeUpstream();

  it('continues the comments with list_comments', async () => {
    const linear = fakeLinear({
      GetIssue: () =>
        linearData({
          issue: issueDetail('ENG-1', { comments: { nodes: [commentNode('c-1', 'Ada', 'first')], pageInfo: pageInfo(true, 'after-c-1') } }),
        }),
      ListComments: () => linearData({ issue: { comments: { nodes: [commentNode('c-2', 'Ada', 'second')], pageInfo: pageInfo() } } }),
    });
    fake.use(linear.handler);
    const issue = resultJson<{ moreCommentsCursor: string }>(await callTool('get_issue', { id: 'ENG-1', commentLimit: 1 }));
    const rest = resultJson<{ items: Array<{ id: string }> }>(await callTool('list_comments', { issueId: 'ENG-1', cursor: issue.moreCommentsCursor }));
    expect(linear.variablesOf('ListComments')).toEqual([{ id: 'ENG-1', first: 25, after: 'after-c-1' }]);
    expect(rest.items.map((comment) => comment.id)).toEqual(['c-2']);
  });
});
