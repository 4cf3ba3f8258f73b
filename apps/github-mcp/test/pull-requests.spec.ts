import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, githubError, route } from './fake-upstream';
import { user } from './fixtures/issues';
import { pullRequest, pullRequestDetail, pullRequestFile, review } from './fixtures/pulls';

describe('pull_requests toolset', () => {
  const fake = useFakeUpstream();

  describe('list_pull_requests', () => {
    it('passes state, base, head, sort and direction and returns compact pull requests', async () => {
      const list = route('get', '/repos/octocat/Hello-World/pulls', () =>
        HttpResponse.json([pullRequest(1347), pullRequest(1348, { draft: true, title: 'WIP: faster search' })]),
      );
      fake.use(list.handler);
      const result = await callTool('list_pull_requests', {
        owner: 'octocat',
        repo: 'Hello-World',
        state: 'closed',
        base: 'master',
        head: 'octocat:new-topic',
        sort: 'updated',
        direction: 'desc',
        limit: 5,
      });

      expect(list.received[0]?.query).toEqual({
        state: 'closed',
        base: 'master',
        head: 'octocat:new-topic',
        sort: 'updated',
        direction: 'desc',
        per_page: '5',
        page: '1',
      });
      const { items } = resultJson<{ items: unknown[] }>(result);
      expect(items).toEqual([
        {
          number: 1347,
          title: 'Amazing new feature',
          state: 'open',
          draft: false,
          author: 'octocat',
          head: 'octocat:new-topic',
          base: 'master',
          htmlUrl: 'https://github.com/octocat/Hello-World/pull/1347',
          createdAt: '2011-01-26T19:01:12Z',
          updatedAt: '2011-01-26T19:01:12Z',
          closedAt: null,
          mergedAt: null,
        },
        expect.objectContaining({ number: 1348, draft: true, title: 'WIP: faster search' }),
      ]);
    });

    it('rejects a head without the "owner:" prefix GitHub requires', async () => {
      const result = await callTool('list_pull_requests', { owner: 'octocat', repo: 'Hello-World', head: 'new-topic' });
      expect(resultError(result)).toMatch(/^invalid_input: invalid arguments for list_pull_requests:[\s\S]*head/);
    });
  });

  describe('get_pull_request', () => {
    it('combines details, capped changed files and each reviewer’s current review state', async () => {
      const pr = route('get', '/repos/octocat/Hello-World/pulls/1347', () =>
        HttpResponse.json(pullRequestDetail(1347, { changed_files: 120, mergeable: false, mergeable_state: 'dirty' })),
      );
      const files = route('get', '/repos/octocat/Hello-World/pulls/1347/files', () =>
        HttpResponse.json([pullRequestFile('src/search.ts', 'modified', 40, 2), pullRequestFile('src/old.ts', 'removed', 0, 1)]),
      );
      const reviews = route('get', '/repos/octocat/Hello-World/pulls/1347/reviews', () =>
        HttpResponse.json([
          review(1, 'hubot', 'CHANGES_REQUESTED', '2011-01-27T10:00:00Z'),
          review(2, 'monalisa', 'APPROVED', '2011-01-27T11:00:00Z'),
          review(3, 'hubot', 'APPROVED', '2011-01-28T10:00:00Z'),
          // A later plain comment does not undo monalisa's approval.
          review(4, 'monalisa', 'COMMENTED', '2011-01-28T12:00:00Z'),
          review(5, 'octodog', 'COMMENTED', '2011-01-28T13:00:00Z'),
          review(6, 'octodog', 'CHANGES_REQUESTED', '2011-01-28T14:00:00Z'),
          // An unsubmitted review counts for nothing.
          review(7, 'spaceghost', 'PENDING', ''),
        ]),
      );
      fake.use(pr.handler, files.handler, reviews.handler);
      const result = await callTool('get_pull_request', { owner: 'octocat', repo: 'Hello-World', pullNumber: 1347 });

      expect(files.received[0]?.query).toEqual({ per_page: '100' });
      expect(reviews.received[0]?.query).toEqual({ per_page: '100' });
      expect(resultJson(result)).toEqual({
        number: 1347,
        title: 'Amazing new feature',
        state: 'open',
        draft: false,
        author: 'octocat',
        head: 'octocat:new-topic',
        base: 'master',
        htmlUrl: 'https://github.com/octocat/Hello-World/pull/1347',
        createdAt: '2011-01-26T19:01:12Z',
        updatedAt: '2011-01-26T19:01:12Z',
        closedAt: null,
        mergedAt: null,
        body: 'Please pull these awesome changes in!',
        headSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        merged: false,
        mergeable: false,
        mergeableState: 'dirty',
        commits: 3,
        additions: 100,
        deletions: 3,
        changedFiles: 120,
        requestedReviewers: ['other_user', 'team:justice-league'],
        reviews: {
          approvals: 2,
          changesRequested: 1,
          byReviewer: [
            { reviewer: 'hubot', state: 'APPROVED', submittedAt: '2011-01-28T10:00:00Z' },
            { reviewer: 'monalisa', state: 'APPROVED', submittedAt: '2011-01-27T11:00:00Z' },
            { reviewer: 'octodog', state: 'CHANGES_REQUESTED', submittedAt: '2011-01-28T14:00:00Z' },
          ],
        },
        files: [
          { path: 'src/search.ts', status: 'modified', additions: 40, deletions: 2 },
          { path: 'src/old.ts', status: 'removed', additions: 0, deletions: 1 },
        ],
        moreFiles: 118,
      });
    });

    it('turns a 404 into not_found', async () => {
      const notFound = () => githubError(404, 'Not Found');
      const routes = ['', '/files', '/reviews'].map((suffix) => route('get', `/repos/octocat/Hello-World/pulls/404${suffix}`, notFound));
      fake.use(...routes.map(({ handler }) => handler));
      const result = await callTool('get_pull_request', { owner: 'octocat', repo: 'Hello-World', pullNumber: 404 });
      expect(resultError(result)).toMatch(/^not_found: /);
      // The base aborts the call's signal when it ends: parallel requests still in flight are
      // cancelled, and none is retried afterwards.
      const afterCall = routes.map(({ received }) => received.length);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(routes.map(({ received }) => received.length)).toEqual(afterCall);
      expect(Math.max(...afterCall)).toBeLessThanOrEqual(1);
    });
  });

  describe('create_pull_request', () => {
    it('posts title, head, base, body and draft and returns the new pull request', async () => {
      const create = route('post', '/repos/octocat/Hello-World/pulls', () =>
        HttpResponse.json(pullRequestDetail(1351, { draft: true, user: user('hubot', 2) }), { status: 201 }),
      );
      fake.use(create.handler);
      const result = await callTool('create_pull_request', {
        owner: 'octocat',
        repo: 'Hello-World',
        title: 'Amazing new feature',
        head: 'octocat:new-topic',
        base: 'master',
        body: 'Please pull these awesome changes in!',
        draft: true,
      });

      expect(create.received[0]?.body).toEqual({
        title: 'Amazing new feature',
        head: 'octocat:new-topic',
        base: 'master',
        body: 'Please pull these awesome changes in!',
        draft: true,
      });
      expect(resultJson(result)).toMatchObject({ number: 1351, draft: true, author: 'hubot', head: 'octocat:new-topic', base: 'master' });
    });

    it('reports a duplicate pull request as invalid_input with GitHub’s reason', async () => {
      fake.use(
        route('post', '/repos/octocat/Hello-World/pulls', () =>
          githubError(422, 'Validation Failed', {
            errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for octocat:new-topic.' }],
          }),
        ).handler,
      );
      const result = await callTool('create_pull_request', { owner: 'octocat', repo: 'Hello-World', title: 'Again', head: 'new-topic', base: 'master' });
      expect(resultError(result)).toBe(
        'invalid_input: GitHub rejected the request (HTTP 422): Validation Failed; A pull request already exists for octocat:new-topic.',
      );
    });
  });
});
