import { encodeCursor } from '@sophia/mcp-base';
import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, linkHeader, route } from './fake-upstream';
import { HEAD_SHA, checkRun, combinedStatus } from './fixtures/actions';
import { pullRequestDetail, pullRequestFile, review, reviewComment } from './fixtures/pulls';

const PR = '/repos/octocat/Hello-World/pulls/1347';
const target = { owner: 'octocat', repo: 'Hello-World', pullNumber: 1347 };

describe('get_pull_request_diff', () => {
  const fake = useFakeUpstream();

  it('returns each file with its patch, and a null patch with the reason for a binary file', async () => {
    const files = route('get', `${PR}/files`, () =>
      HttpResponse.json([
        pullRequestFile('src/app.ts', 'modified', 2, 1),
        { ...pullRequestFile('logo.png', 'renamed', 0, 0), previous_filename: 'img/logo.png', patch: undefined },
      ]),
    );
    fake.use(files.handler);
    const result = await callTool('get_pull_request_diff', { ...target, limit: 2 });

    expect(files.received[0]?.query).toEqual({ per_page: '2', page: '1' });
    expect(resultJson(result)).toEqual({
      items: [
        { path: 'src/app.ts', status: 'modified', additions: 2, deletions: 1, previousPath: null, patch: pullRequestFile('a', 'modified', 0, 0).patch, patchNote: null },
        { path: 'logo.png', status: 'renamed', additions: 0, deletions: 0, previousPath: 'img/logo.png', patch: null, patchNote: 'GitHub shows no patch (binary file or diff too large)' },
      ],
    });
  });

  it('cuts a long patch and leaves patches out once the page is full', async () => {
    const huge = (name: string) => ({ ...pullRequestFile(name, 'modified', 5000, 0), patch: `@@ -0,0 +1,5000 @@\n${'+x\n'.repeat(15_000)}` });
    fake.use(route('get', `${PR}/files`, () => HttpResponse.json(Array.from({ length: 9 }, (_, index) => huge(`f${index}.txt`)))).handler);
    const { items } = resultJson<{ items: Array<{ patch: string | null; patchNote: string | null }> }>(
      await callTool('get_pull_request_diff', target),
    );
    expect(items[0]?.patchNote).toBe('cut: showing the first 20000 of 45019 characters');
    expect(items[0]?.patch).toMatch(/\n… \[cut: showing the first 20000 of 45019 characters\]$/);
    const shown = items.filter((item) => item.patch !== null);
    expect(shown.reduce((sum, item) => sum + (item.patch?.length ?? 0), 0)).toBeLessThan(122_000);
    expect(items.at(-1)).toMatchObject({ patch: null, patchNote: 'left out: the result already holds its maximum of patch text' });
  });
});

describe('list_pull_request_reviews', () => {
  const fake = useFakeUpstream();

  it('returns each review with its body, commit and time', async () => {
    const reviews = route('get', `${PR}/reviews`, () =>
      HttpResponse.json([review(80, 'hubot', 'CHANGES_REQUESTED', '2019-11-17T17:43:43Z'), { ...review(81, 'octocat', 'COMMENTED', '2019-11-18T10:00:00Z'), body: '' }]),
    );
    fake.use(reviews.handler);
    const result = await callTool('list_pull_request_reviews', target);

    expect(reviews.received[0]?.query).toEqual({ per_page: '30', page: '1' });
    expect(resultJson(result)).toEqual({
      items: [
        {
          id: 80,
          reviewer: 'hubot',
          state: 'CHANGES_REQUESTED',
          body: 'Here is the body for the review.',
          commitId: 'ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091',
          submittedAt: '2019-11-17T17:43:43Z',
          htmlUrl: 'https://github.com/octocat/Hello-World/pull/12#pullrequestreview-80',
        },
        expect.objectContaining({ id: 81, body: null }),
      ],
    });
  });
});

describe('list_pull_request_review_comments', () => {
  const fake = useFakeUpstream();

  it('groups replies into their threads, marks outdated ones and shows the end of the hunk', async () => {
    const comments = route('get', `${PR}/comments`, () =>
      HttpResponse.json([
        reviewComment(10, 'hubot', 'Why this?'),
        reviewComment(11, 'octocat', 'Old approach.', { path: 'old.ts', line: null, original_line: 7, position: null }),
        reviewComment(12, 'octocat', 'Because of #42.', { in_reply_to_id: 10 }),
        reviewComment(13, 'hubot', 'About the whole file.', { subject_type: 'file', line: null, original_line: null, side: null }),
      ]),
    );
    fake.use(comments.handler);
    const result = await callTool('list_pull_request_review_comments', target);

    expect(comments.received[0]?.query).toEqual({ sort: 'created', direction: 'asc', per_page: '100', page: '1' });
    const page = resultJson<{ items: Array<Record<string, unknown> & { comments: Array<{ id: number }> }>; total: number; incomplete: boolean }>(result);
    expect(page).toMatchObject({ total: 3, incomplete: false });
    expect(page.items.map((thread) => [thread['id'], thread['path'], thread['line'], thread['outdated'], thread.comments.map((comment) => comment.id)])).toEqual([
      [10, 'file1.txt', 2, false, [10, 12]],
      [11, 'old.ts', 7, true, [11]],
      [13, 'file1.txt', null, false, [13]],
    ]);
    expect(page.items[0]).toMatchObject({ side: 'RIGHT', startLine: null, diffHunk: expect.stringContaining('+new line') });
  });

  it('reads up to three pages of comments, then pages the threads with its own cursor', async () => {
    const path = `${PR}/comments`;
    const comments = route('get', path, (request) => {
      const page = Number(request.query['page']);
      const batch = Array.from({ length: 100 }, (_, index) => reviewComment(page * 1000 + index, 'hubot', 'nit'));
      return HttpResponse.json(batch, { headers: { link: linkHeader(path, page + 1, 5) } });
    });
    fake.use(comments.handler);
    const first = resultJson<{ items: unknown[]; total: number; nextCursor?: string; incomplete: boolean }>(
      await callTool('list_pull_request_review_comments', { ...target, limit: 100 }),
    );
    expect(comments.received.map((request) => request.query['page'])).toEqual(['1', '2', '3']);
    expect(first).toMatchObject({ total: 300, incomplete: true });
    expect(first.items).toHaveLength(100);
    const second = resultJson<{ items: Array<{ id: number }> }>(
      await callTool('list_pull_request_review_comments', { ...target, limit: 100, cursor: first.nextCursor }),
    );
    expect(second.items[0]?.id).toBe(2000);
  });

  it('rejects a cursor it did not make', async () => {
    fake.use(route('get', `${PR}/comments`, () => HttpResponse.json([])).handler);
    const result = await callTool('list_pull_request_review_comments', { ...target, cursor: encodeCursor({ offset: 5 }) });
    expect(resultError(result)).toBe('invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged');
  });
});

describe('get_pull_request_checks', () => {
  const fake = useFakeUpstream();

  it('reads check runs and combined status of the head commit, failing first, with a summary', async () => {
    const pr = route('get', PR, () => HttpResponse.json(pullRequestDetail(1347)));
    const runs = route('get', `/repos/octocat/Hello-World/commits/${HEAD_SHA}/check-runs`, () =>
      HttpResponse.json({
        total_count: 103,
        check_runs: [checkRun(1, 'lint', 'completed', 'success'), checkRun(2, 'test', 'completed', 'failure'), checkRun(3, 'e2e', 'in_progress', null)],
      }),
    );
    const status = route('get', `/repos/octocat/Hello-World/commits/${HEAD_SHA}/status`, () => HttpResponse.json(combinedStatus));
    fake.use(pr.handler, runs.handler, status.handler);
    const result = resultJson<Record<string, unknown> & { checkRuns: Array<Record<string, unknown>> }>(await callTool('get_pull_request_checks', target));

    expect(runs.received[0]?.query).toEqual({ per_page: '100' });
    expect(result).toMatchObject({ headSha: HEAD_SHA, overall: 'failing', failing: 1, pending: 1, passing: 2, moreCheckRuns: 100 });
    expect(result.checkRuns.map((run) => run['name'])).toEqual(['test', 'e2e', 'lint']);
    expect(result.checkRuns[0]).toEqual({
      id: 2,
      name: 'test',
      app: 'github-actions',
      status: 'completed',
      conclusion: 'failure',
      title: '1 test failed',
      startedAt: '2026-01-22T19:33:08Z',
      completedAt: '2026-01-22T19:33:20Z',
      detailsUrl: 'https://github.com/octocat/Hello-World/actions/runs/29679449/job/2',
    });
    expect(result['statuses']).toEqual([
      { context: 'continuous-integration/jenkins', state: 'success', description: 'Build has completed successfully', targetUrl: 'https://ci.example.com/1000/output' },
    ]);
  });

  it('says none when the commit has no checks and no statuses', async () => {
    fake.use(
      route('get', PR, () => HttpResponse.json(pullRequestDetail(1347))).handler,
      route('get', `/repos/octocat/Hello-World/commits/${HEAD_SHA}/check-runs`, () => HttpResponse.json({ total_count: 0, check_runs: [] })).handler,
      route('get', `/repos/octocat/Hello-World/commits/${HEAD_SHA}/status`, () =>
        HttpResponse.json({ ...combinedStatus, state: 'pending', total_count: 0, statuses: [] }),
      ).handler,
    );
    expect(resultJson(await callTool('get_pull_request_checks', target))).toMatchObject({ overall: 'none', failing: 0, pending: 0, passing: 0 });
  });
});
