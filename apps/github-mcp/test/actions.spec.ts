import { HttpResponse, recordedRoute, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, githubError, route } from './fake-upstream';
import { job, jobLog, workflowRun } from './fixtures/actions';

const REPO = '/repos/octocat/Hello-World';
const repoArgs = { owner: 'octocat', repo: 'Hello-World' };
const BLOB = 'https://blob.fake/logs';

/** GitHub's answer to the logs endpoint: a redirect to a short-lived, pre-signed download URL. */
const logsRedirect = (jobId: number) => () =>
  new HttpResponse(null, { status: 302, headers: { location: `${BLOB}/${jobId}.txt?sig=abc` } });

describe('list_workflow_runs', () => {
  const fake = useFakeUpstream();

  it('lists the repository\'s runs with the filters GitHub takes', async () => {
    const runs = route('get', `${REPO}/actions/runs`, () => HttpResponse.json({ total_count: 1, workflow_runs: [workflowRun(30433642)] }));
    fake.use(runs.handler);
    const result = await callTool('list_workflow_runs', { ...repoArgs, branch: 'main', status: 'failure', event: 'push', created: '>=2026-01-01', limit: 5 });

    expect(runs.received[0]?.query).toEqual({ branch: 'main', status: 'failure', event: 'push', created: '>=2026-01-01', per_page: '5', page: '1' });
    expect(resultJson(result)).toEqual({
      totalCount: 1,
      items: [
        {
          id: 30433642,
          workflow: 'CI',
          workflowId: 159038,
          title: 'Fix all the bugs',
          runNumber: 562,
          attempt: 1,
          event: 'push',
          status: 'completed',
          conclusion: 'failure',
          branch: 'main',
          headSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
          actor: 'octocat',
          createdAt: '2026-01-22T19:33:08Z',
          updatedAt: '2026-01-22T19:36:08Z',
          htmlUrl: 'https://github.com/octocat/Hello-World/actions/runs/30433642',
        },
      ],
    });
  });

  it('lists the runs of one workflow by its file name', async () => {
    const runs = route('get', `${REPO}/actions/workflows/ci.yml/runs`, () => HttpResponse.json({ total_count: 0, workflow_runs: [] }));
    fake.use(runs.handler);
    expect(resultJson(await callTool('list_workflow_runs', { ...repoArgs, workflow: 'ci.yml' }))).toEqual({ totalCount: 0, items: [] });
    expect(runs.received).toHaveLength(1);
  });
});

describe('get_job_logs', () => {
  const fake = useFakeUpstream();

  it('follows the redirect without the token and returns the failing step\'s lines, timestamps removed', async () => {
    const logs = route('get', `${REPO}/actions/jobs/399444496/logs`, logsRedirect(399444496));
    const download = recordedRoute('get', `${BLOB}/399444496.txt`, () => new HttpResponse(jobLog, { headers: { 'content-type': 'text/plain' } }));
    fake.use(route('get', `${REPO}/actions/jobs/399444496`, () => HttpResponse.json(job(399444496))).handler, logs.handler, download.handler);
    const result = await callTool('get_job_logs', { ...repoArgs, jobId: 399444496 });

    expect(logs.received[0]?.headers.get('authorization')).toBe('token ghp_test_token_000000');
    expect(download.received).toHaveLength(1);
    expect(download.received[0]?.query).toEqual({ sig: 'abc' });
    expect(download.received[0]?.headers.get('authorization')).toBeNull();
    expect(resultJson(result)).toEqual({
      jobs: [
        {
          jobId: 399444496,
          name: 'test',
          status: 'completed',
          conclusion: 'failure',
          failedStep: { number: 3, name: 'Run tests' },
          log: '##[group]Run npm test\nFAIL src/app.spec.ts\n  expected 2 to be 3\n##[error]Process completed with exit code 1.',
          logLines: 4,
          truncated: false,
          htmlUrl: 'https://github.com/octocat/Hello-World/runs/399444496',
        },
      ],
      moreFailedJobs: 0,
      note: null,
    });
  });

  it('keeps the last tailLines lines and says it cut them', async () => {
    fake.use(
      route('get', `${REPO}/actions/jobs/7`, () => HttpResponse.json(job(7, { conclusion: 'success', steps: [] }))).handler,
      route('get', `${REPO}/actions/jobs/7/logs`, logsRedirect(7)).handler,
      recordedRoute('get', `${BLOB}/7.txt`, () => new HttpResponse(jobLog, { headers: { 'content-type': 'text/plain' } })).handler,
    );
    const result = resultJson<{ jobs: Array<Record<string, unknown>> }>(await callTool('get_job_logs', { ...repoArgs, jobId: 7, tailLines: 2 }));
    expect(result.jobs[0]).toMatchObject({ failedStep: null, log: '##[error]Process completed with exit code 1.\nPost job cleanup.', logLines: 8, truncated: true });
  });

  it('with runId reads the failed jobs of the run only', async () => {
    const jobs = route('get', `${REPO}/actions/runs/29679449/jobs`, () =>
      HttpResponse.json({ total_count: 2, jobs: [job(1, { name: 'lint', conclusion: 'success' }), job(2)] }),
    );
    fake.use(
      jobs.handler,
      route('get', `${REPO}/actions/jobs/2/logs`, logsRedirect(2)).handler,
      recordedRoute('get', `${BLOB}/2.txt`, () => new HttpResponse(jobLog, { headers: { 'content-type': 'text/plain' } })).handler,
    );
    const result = resultJson<{ jobs: Array<{ jobId: number }>; moreFailedJobs: number }>(await callTool('get_job_logs', { ...repoArgs, runId: 29679449 }));
    expect(jobs.received[0]?.query).toEqual({ filter: 'latest', per_page: '100' });
    expect(result.jobs.map((each) => each.jobId)).toEqual([2]);
    expect(result.moreFailedJobs).toBe(0);
  });

  it('says so when the run has no failed job', async () => {
    fake.use(route('get', `${REPO}/actions/runs/5/jobs`, () => HttpResponse.json({ total_count: 1, jobs: [job(1, { conclusion: 'success' })] })).handler);
    expect(resultJson(await callTool('get_job_logs', { ...repoArgs, runId: 5 }))).toEqual({
      jobs: [],
      moreFailedJobs: 0,
      note: "no failed job in run 5 (its jobs: success); pass a jobId to read any job's log.",
    });
  });

  it.each([
    ['neither', {}],
    ['both', { jobId: 1, runId: 2 }],
  ])('refuses %s of jobId and runId without calling GitHub', async (_label, ids) => {
    expect(resultError(await callTool('get_job_logs', { ...repoArgs, ...ids }))).toBe(
      'invalid_input: give exactly one of jobId (one job) or runId (the failed jobs of a run).',
    );
  });

  it('turns logs past retention (410) into not_found', async () => {
    fake.use(
      route('get', `${REPO}/actions/jobs/9`, () => HttpResponse.json(job(9))).handler,
      route('get', `${REPO}/actions/jobs/9/logs`, () => githubError(410, 'Gone')).handler,
    );
    expect(resultError(await callTool('get_job_logs', { ...repoArgs, jobId: 9 }))).toBe('not_found: GitHub says it is gone (HTTP 410): Gone.');
  });

  it('turns an expired download link into not_found that says to call again', async () => {
    fake.use(
      route('get', `${REPO}/actions/jobs/9`, () => HttpResponse.json(job(9))).handler,
      route('get', `${REPO}/actions/jobs/9/logs`, logsRedirect(9)).handler,
      recordedRoute('get', `${BLOB}/9.txt`, () => new HttpResponse('<Error><Code>AuthenticationFailed</Code></Error>', { status: 404 })).handler,
    );
    expect(resultError(await callTool('get_job_logs', { ...repoArgs, jobId: 9 }))).toBe(
      "not_found: GitHub's download link answered HTTP 404 (blob.fake); links expire after a minute, so call the tool again.",
    );
  });
});
