import { HttpResponse, describeStructuredContent, outputOf, recordedRoute, structuredContent, useFakeUpstream, type RequestHandler } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { githubTools } from '../src/tools';
import { authenticatedUser, callTool, configuredEnv, route } from './fake-upstream';
import { HEAD_SHA, checkRun, combinedStatus, job, jobLog, workflowRun } from './fixtures/actions';
import { comment, issue } from './fixtures/issues';
import { mergeResult, pullRequest, pullRequestDetail, pullRequestFile, review, reviewComment } from './fixtures/pulls';
import { branch, commitDetail, commits, directoryContent, fileContent, repositorySearch } from './fixtures/repos';
import { codeSearch } from './fixtures/search';

const REPO = '/repos/octocat/Hello-World';
const repoArgs = { owner: 'octocat', repo: 'Hello-World' };
const pr = { ...repoArgs, pullNumber: 1347 };
/** Every tool served, merge_pull_request included. */
const env = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

/** One documented answer per endpoint, and one call per tool: every tool of the server is here. */
const handlers: RequestHandler[] = [
  route('get', '/user', () => HttpResponse.json(authenticatedUser)).handler,
  route('get', '/search/repositories', () => HttpResponse.json(repositorySearch)).handler,
  route('get', '/search/code', () => HttpResponse.json(codeSearch)).handler,
  route('get', '/search/issues', () => HttpResponse.json({ total_count: 1, incomplete_results: false, items: [issue(1347)] })).handler,
  route('get', `${REPO}/contents/README.md`, () => HttpResponse.json(fileContent('README.md', Buffer.from('export {};\n')))).handler,
  route('get', `${REPO}/contents/lib`, () => HttpResponse.json(directoryContent)).handler,
  route('get', `${REPO}/commits`, () => HttpResponse.json(commits)).handler,
  route('get', `${REPO}/commits/main`, () => HttpResponse.json(commitDetail([pullRequestFile('a.txt', 'added', 1, 0)]))).handler,
  route('get', `${REPO}/commits/${HEAD_SHA}/check-runs`, () => HttpResponse.json({ total_count: 1, check_runs: [checkRun(1, 'test', 'completed', 'failure')] })).handler,
  route('get', `${REPO}/commits/${HEAD_SHA}/status`, () => HttpResponse.json(combinedStatus)).handler,
  route('get', `${REPO}/branches`, () => HttpResponse.json([branch('main', HEAD_SHA, true)])).handler,
  route('get', `${REPO}/issues`, () => HttpResponse.json([issue(1347)])).handler,
  route('post', `${REPO}/issues`, () => HttpResponse.json(issue(1350), { status: 201 })).handler,
  route('get', `${REPO}/issues/1347`, () => HttpResponse.json(issue(1347, { comments: 1 }))).handler,
  route('patch', `${REPO}/issues/1347`, () => HttpResponse.json(issue(1347, { title: 'Renamed' }))).handler,
  route('get', `${REPO}/issues/1347/comments`, () => HttpResponse.json([comment(11, 'hubot', 'Me too')])).handler,
  route('post', `${REPO}/issues/1347/comments`, () => HttpResponse.json(comment(12, 'octocat', 'Thanks'), { status: 201 })).handler,
  route('get', `${REPO}/pulls`, () => HttpResponse.json([pullRequest(1347)])).handler,
  route('post', `${REPO}/pulls`, () => HttpResponse.json(pullRequest(1348), { status: 201 })).handler,
  route('get', `${REPO}/pulls/1347`, () => HttpResponse.json(pullRequestDetail(1347))).handler,
  route('get', `${REPO}/pulls/1347/files`, () => HttpResponse.json([pullRequestFile('src/app.ts', 'modified', 1, 1)])).handler,
  route('get', `${REPO}/pulls/1347/reviews`, () => HttpResponse.json([review(80, 'hubot', 'APPROVED', '2019-11-17T17:43:43Z')])).handler,
  route('get', `${REPO}/pulls/1347/comments`, () => HttpResponse.json([reviewComment(10, 'hubot', 'Why?')])).handler,
  route('put', `${REPO}/pulls/1347/merge`, () => HttpResponse.json(mergeResult)).handler,
  route('get', `${REPO}/actions/runs`, () => HttpResponse.json({ total_count: 1, workflow_runs: [workflowRun(30433642)] })).handler,
  route('get', `${REPO}/actions/jobs/7`, () => HttpResponse.json(job(7))).handler,
  route('get', `${REPO}/actions/jobs/7/logs`, () => new HttpResponse(null, { status: 302, headers: { location: 'https://blob.fake/logs/7.txt' } })).handler,
  recordedRoute('get', 'https://blob.fake/logs/7.txt', () => new HttpResponse(jobLog, { headers: { 'content-type': 'text/plain' } })).handler,
];

const calls: Record<string, Record<string, unknown>> = {
  get_me: {},
  search_repositories: { query: 'tetris' },
  get_file_contents: { ...repoArgs, path: 'README.md' },
  list_commits: repoArgs,
  get_commit: { ...repoArgs, ref: 'main', includePatches: true },
  list_branches: repoArgs,
  list_issues: repoArgs,
  search_issues: { query: 'is:issue crash' },
  get_issue: { ...repoArgs, issueNumber: 1347 },
  create_issue: { ...repoArgs, title: 'Bug' },
  update_issue: { ...repoArgs, issueNumber: 1347, title: 'Renamed' },
  add_issue_comment: { ...repoArgs, issueNumber: 1347, body: 'Thanks' },
  list_pull_requests: repoArgs,
  get_pull_request: pr,
  get_pull_request_diff: pr,
  list_pull_request_reviews: pr,
  list_pull_request_review_comments: pr,
  get_pull_request_checks: pr,
  create_pull_request: { ...repoArgs, title: 'Feature', head: 'new-topic', base: 'main' },
  merge_pull_request: { ...pr, expectedHeadSha: HEAD_SHA },
  list_workflow_runs: repoArgs,
  get_job_logs: { ...repoArgs, jobId: 7 },
  search_code: { q: 'addClass repo:jquery/jquery' },
};

describe('structured content', () => {
  const fake = useFakeUpstream();
  beforeEach(() => fake.use(...handlers));

  describeStructuredContent({ app: githubApp, env, calls });

  it('get_file_contents of a directory validates too', async () => {
    const result = await callTool('get_file_contents', { ...repoArgs, path: 'lib' }, env);
    expect(structuredContent(result, outputOf(githubTools, 'get_file_contents'))).toMatchObject({ type: 'dir' });
  });
});
