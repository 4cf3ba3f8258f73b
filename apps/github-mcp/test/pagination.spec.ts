import { encodeCursor } from '@sophia/mcp-base';
import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, linkHeader, route } from './fake-upstream';
import { issue } from './fixtures/issues';
import { workflowRun } from './fixtures/actions';
import { pullRequest, pullRequestFile, review } from './fixtures/pulls';
import { branch, commits, repositorySearch } from './fixtures/repos';
import { codeSearch } from './fixtures/search';

/** Every list tool pages the same way; one table covers them all. */
const listTools = [
  { tool: 'search_repositories', path: '/search/repositories', args: { query: 'tetris' }, body: repositorySearch },
  { tool: 'search_code', path: '/search/code', args: { q: 'addClass repo:jquery/jquery' }, body: codeSearch },
  { tool: 'list_commits', path: '/repos/octocat/Hello-World/commits', args: { owner: 'octocat', repo: 'Hello-World' }, body: commits },
  { tool: 'list_issues', path: '/repos/octocat/Hello-World/issues', args: { owner: 'octocat', repo: 'Hello-World' }, body: [issue(1347)] },
  {
    tool: 'list_pull_requests',
    path: '/repos/octocat/Hello-World/pulls',
    args: { owner: 'octocat', repo: 'Hello-World' },
    body: [pullRequest(1347)],
  },
  { tool: 'search_issues', path: '/search/issues', args: { query: 'is:open label:bug' }, body: { total_count: 1, incomplete_results: false, items: [issue(1347)] } },
  { tool: 'list_branches', path: '/repos/octocat/Hello-World/branches', args: { owner: 'octocat', repo: 'Hello-World' }, body: [branch('main', commits[0]?.sha ?? '', true)] },
  {
    tool: 'get_pull_request_diff',
    path: '/repos/octocat/Hello-World/pulls/1347/files',
    args: { owner: 'octocat', repo: 'Hello-World', pullNumber: 1347 },
    body: [pullRequestFile('src/app.ts', 'modified', 1, 1)],
  },
  {
    tool: 'list_pull_request_reviews',
    path: '/repos/octocat/Hello-World/pulls/1347/reviews',
    args: { owner: 'octocat', repo: 'Hello-World', pullNumber: 1347 },
    body: [review(80, 'hubot', 'APPROVED', '2019-11-17T17:43:43Z')],
  },
  {
    tool: 'list_workflow_runs',
    path: '/repos/octocat/Hello-World/actions/runs',
    args: { owner: 'octocat', repo: 'Hello-World' },
    body: { total_count: 1, workflow_runs: [workflowRun(30433642)] },
  },
];

describe.each(listTools)('$tool pagination', ({ tool, path, args, body }) => {
  const fake = useFakeUpstream();

  it('turns rel="next" into nextCursor, and the cursor back into the next page', async () => {
    const list = route('get', path, (request) => {
      const page = Number(request.query['page']);
      return HttpResponse.json(body, page < 3 ? { headers: { link: linkHeader(path, page + 1, 3) } } : {});
    });
    fake.use(list.handler);

    const first = resultJson<{ items: unknown[]; nextCursor?: string }>(await callTool(tool, { ...args, limit: 2 }));
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = resultJson<{ nextCursor?: string }>(await callTool(tool, { ...args, limit: 2, cursor: first.nextCursor }));
    expect(list.received.map((request) => [request.query['page'], request.query['per_page']])).toEqual([
      ['1', '2'],
      ['2', '2'],
    ]);

    await callTool(tool, { ...args, limit: 2, cursor: second.nextCursor });
    expect(list.received[2]?.query['page']).toBe('3');
  });

  it('returns no nextCursor on the last page', async () => {
    fake.use(route('get', path, () => HttpResponse.json(body, { headers: { link: `<https://api.github.com${path}?page=1>; rel="prev"` } })).handler);
    const page = resultJson<Record<string, unknown>>(await callTool(tool, args));
    expect(page).not.toHaveProperty('nextCursor');
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['a cursor without a usable page', encodeCursor({ page: 'two' })],
  ])('rejects %s as invalid_input without calling GitHub', async (_label, cursor) => {
    // No route: any request would be unmatched and fail differently.
    const result = await callTool(tool, { ...args, cursor });
    expect(resultError(result)).toBe(
      'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged',
    );
  });
});
