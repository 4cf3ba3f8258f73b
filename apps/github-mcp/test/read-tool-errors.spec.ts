import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, githubError, route } from './fake-upstream';
import { pullRequestDetail } from './fixtures/pulls';

const REPO = '/repos/octocat/Hello-World';
const repoArgs = { owner: 'octocat', repo: 'Hello-World' };
const pr = { ...repoArgs, pullNumber: 1347 };

/** Each new read tool, with the GitHub endpoint that answers the error (earlier steps answer normally). */
const tools = [
  { tool: 'search_issues', path: '/search/issues', args: { query: 'is:issue crash' } },
  { tool: 'list_branches', path: `${REPO}/branches`, args: repoArgs },
  { tool: 'get_commit', path: `${REPO}/commits/main`, args: { ...repoArgs, ref: 'main' } },
  { tool: 'get_pull_request_diff', path: `${REPO}/pulls/1347/files`, args: pr },
  { tool: 'list_pull_request_reviews', path: `${REPO}/pulls/1347/reviews`, args: pr },
  { tool: 'list_pull_request_review_comments', path: `${REPO}/pulls/1347/comments`, args: pr },
  { tool: 'get_pull_request_checks', path: `${REPO}/commits/6dcb09b5b57875f334f61aebed695e2e4193db5e/check-runs`, args: pr },
  { tool: 'list_workflow_runs', path: `${REPO}/actions/runs`, args: repoArgs },
  { tool: 'get_job_logs', path: `${REPO}/actions/jobs/7`, args: { ...repoArgs, jobId: 7 } },
];

describe.each(tools)('$tool errors', ({ tool, path, args }) => {
  const fake = useFakeUpstream();
  beforeEach(() => {
    // get_pull_request_checks reads the pull request first, then its head commit's checks.
    fake.use(
      route('get', `${REPO}/pulls/1347`, () => HttpResponse.json(pullRequestDetail(1347))).handler,
      route('get', `${REPO}/commits/6dcb09b5b57875f334f61aebed695e2e4193db5e/status`, () =>
        HttpResponse.json({ state: 'pending', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e', total_count: 0, statuses: [] }),
      ).handler,
    );
  });

  it('404 → not_found', async () => {
    fake.use(route('get', path, () => githubError(404, 'Not Found')).handler);
    expect(resultError(await callTool(tool, args))).toBe('not_found: GitHub found nothing there (HTTP 404): Not Found.');
  });

  it('403 without a rate limit → forbidden', async () => {
    fake.use(route('get', path, () => githubError(403, 'Resource not accessible by personal access token')).handler);
    expect(resultError(await callTool(tool, args))).toBe(
      'forbidden: GitHub denied access (HTTP 403): Resource not accessible by personal access token.',
    );
  });
});
