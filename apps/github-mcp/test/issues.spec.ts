import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, githubError, route } from './fake-upstream';
import { comment, issue, pullRequestAsIssue } from './fixtures/issues';

describe('issues toolset', () => {
  const fake = useFakeUpstream();

  describe('list_issues', () => {
    it('passes the filters and returns compact issues, leaving out pull requests', async () => {
      const list = route('get', '/repos/octocat/Hello-World/issues', () =>
        HttpResponse.json([issue(1347), pullRequestAsIssue(1348), issue(1349, { title: 'Docs are stale', labels: [], assignees: [], assignee: null, milestone: null, comments: 4 })]),
      );
      fake.use(list.handler);
      const result = await callTool('list_issues', {
        owner: 'octocat',
        repo: 'Hello-World',
        state: 'all',
        labels: ['bug', 'ui'],
        assignee: 'hubot',
        since: '2011-04-01T00:00:00Z',
        sort: 'updated',
        direction: 'asc',
        limit: 50,
      });

      expect(list.received[0]?.query).toEqual({
        state: 'all',
        labels: 'bug,ui',
        assignee: 'hubot',
        since: '2011-04-01T00:00:00Z',
        sort: 'updated',
        direction: 'asc',
        per_page: '50',
        page: '1',
      });
      const { items, nextCursor } = resultJson<{ items: Array<{ number: number }>; nextCursor?: string }>(result);
      expect(nextCursor).toBeUndefined();
      expect(items.map((item) => item.number)).toEqual([1347, 1349]);
      expect(items[0]).toEqual({
        number: 1347,
        title: 'Found a bug',
        state: 'open',
        stateReason: null,
        author: 'octocat',
        labels: ['bug'],
        assignees: ['hubot'],
        milestone: 'v1.0',
        commentCount: 0,
        isPullRequest: false,
        htmlUrl: 'https://github.com/octocat/Hello-World/issues/1347',
        createdAt: '2011-04-22T13:33:48Z',
        updatedAt: '2011-04-22T13:33:48Z',
        closedAt: null,
      });
    });

    it('uses open, created and desc when no filters are given', async () => {
      const list = route('get', '/repos/octocat/Hello-World/issues', () => HttpResponse.json([]));
      fake.use(list.handler);
      expect(resultJson(await callTool('list_issues', { owner: 'octocat', repo: 'Hello-World' }))).toEqual({ items: [] });
      expect(list.received[0]?.query).toEqual({ state: 'open', sort: 'created', direction: 'desc', per_page: '30', page: '1' });
    });
  });

  describe('get_issue', () => {
    it('returns the issue with its first comments and says how many more exist', async () => {
      const long = 'x'.repeat(5000);
      const get = route('get', '/repos/octocat/Hello-World/issues/1347', () => HttpResponse.json(issue(1347, { comments: 5 })));
      const comments = route('get', '/repos/octocat/Hello-World/issues/1347/comments', () =>
        HttpResponse.json([comment(11, 'hubot', 'Me too'), comment(12, 'octocat', long, '2011-04-15T09:00:00Z')]),
      );
      fake.use(get.handler, comments.handler);
      const result = await callTool('get_issue', { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347, commentLimit: 2 });

      expect(comments.received[0]?.query).toEqual({ per_page: '2' });
      const body = resultJson<Record<string, unknown> & { comments: Array<{ body: string }> }>(result);
      expect(body).toMatchObject({ number: 1347, title: 'Found a bug', body: "I'm having a problem with this.", commentCount: 5, moreComments: 3 });
      expect(body.comments[0]).toEqual({
        id: 11,
        author: 'hubot',
        body: 'Me too',
        htmlUrl: 'https://github.com/octocat/Hello-World/issues/1347#issuecomment-11',
        createdAt: '2011-04-14T16:00:49Z',
      });
      expect(body.comments[1]?.body).toBe(`${'x'.repeat(4000)}\n… [truncated: 1000 more characters not shown]`);
    });

    it('asks for the comments together with the issue, and for none when commentLimit is 0', async () => {
      const get = route('get', '/repos/octocat/Hello-World/issues/1347', () => HttpResponse.json(issue(1347)));
      const comments = route('get', '/repos/octocat/Hello-World/issues/1347/comments', () => HttpResponse.json([]));
      fake.use(get.handler, comments.handler);
      const result = await callTool('get_issue', { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347 });
      expect(resultJson(result)).toMatchObject({ number: 1347, comments: [], moreComments: 0 });
      expect(comments.received).toHaveLength(1);

      const without = await callTool('get_issue', { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347, commentLimit: 0 });
      expect(resultJson(without)).toMatchObject({ number: 1347, comments: [], moreComments: 0 });
      expect(get.received).toHaveLength(2);
      expect(comments.received).toHaveLength(1);
    });

    it('sends the comments request before the issue has answered', async () => {
      let issueAnswered = false;
      let commentsAskedEarly = false;
      fake.use(
        route('get', '/repos/octocat/Hello-World/issues/1347', async () => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          issueAnswered = true;
          return HttpResponse.json(issue(1347, { comments: 1 }));
        }).handler,
        route('get', '/repos/octocat/Hello-World/issues/1347/comments', () => {
          commentsAskedEarly = !issueAnswered;
          return HttpResponse.json([comment(11, 'hubot', 'Me too')]);
        }).handler,
      );
      const result = await callTool('get_issue', { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347 });
      expect(resultJson(result)).toMatchObject({ number: 1347, moreComments: 0 });
      expect(commentsAskedEarly).toBe(true);
    });

    it('turns a 404 into not_found', async () => {
      // GitHub answers the comments of a missing issue with 404 too; the issue's error is the one reported.
      fake.use(
        route('get', '/repos/octocat/Hello-World/issues/9999', () => githubError(404, 'Not Found')).handler,
        route('get', '/repos/octocat/Hello-World/issues/9999/comments', () => githubError(404, 'No comments here')).handler,
      );
      const result = await callTool('get_issue', { owner: 'octocat', repo: 'Hello-World', issueNumber: 9999 });
      expect(resultError(result)).toMatch(/^not_found: GitHub found nothing there \(HTTP 404\): Not Found/);
    });
  });

  describe('create_issue', () => {
    it('posts title, body, labels, assignees and milestone and returns the new issue', async () => {
      const create = route('post', '/repos/octocat/Hello-World/issues', () => HttpResponse.json(issue(1350), { status: 201 }));
      fake.use(create.handler);
      const result = await callTool('create_issue', {
        owner: 'octocat',
        repo: 'Hello-World',
        title: 'Found a bug',
        body: "I'm having a problem with this.",
        labels: ['bug'],
        assignees: ['hubot'],
        milestone: 1,
      });

      expect(create.received[0]?.body).toEqual({
        title: 'Found a bug',
        body: "I'm having a problem with this.",
        labels: ['bug'],
        assignees: ['hubot'],
        milestone: 1,
      });
      expect(resultJson(result)).toMatchObject({ number: 1350, state: 'open', htmlUrl: 'https://github.com/octocat/Hello-World/issues/1350' });
    });

    it("turns GitHub's 422 into invalid_input with GitHub's error details", async () => {
      fake.use(
        route('post', '/repos/octocat/Hello-World/issues', () =>
          githubError(422, 'Validation Failed', {
            errors: [{ value: 'nobody-here', resource: 'Issue', field: 'assignees', code: 'invalid' }],
          }),
        ).handler,
      );
      const result = await callTool('create_issue', { owner: 'octocat', repo: 'Hello-World', title: 'Bug', assignees: ['nobody-here'] });
      expect(resultError(result)).toBe(
        'invalid_input: GitHub rejected the request (HTTP 422): Validation Failed; assignees invalid (nobody-here).',
      );
    });

    it('does not retry a POST that failed with a 5xx, so the issue is never filed twice', async () => {
      const create = route('post', '/repos/octocat/Hello-World/issues', () => githubError(502, 'Server Error'));
      fake.use(create.handler);
      const result = await callTool('create_issue', { owner: 'octocat', repo: 'Hello-World', title: 'Bug' });
      expect(resultError(result)).toMatch(/^upstream_error: GitHub failed \(HTTP 502\)/);
      expect(create.received).toHaveLength(1);
    });
  });

  describe('add_issue_comment', () => {
    it('posts the body and returns the new comment', async () => {
      const create = route('post', '/repos/octocat/Hello-World/issues/1347/comments', () =>
        HttpResponse.json(comment(1_500_001, 'octocat', 'Fixed in #1351.'), { status: 201 }),
      );
      fake.use(create.handler);
      const result = await callTool('add_issue_comment', { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347, body: 'Fixed in #1351.' });

      expect(create.received[0]?.body).toEqual({ body: 'Fixed in #1351.' });
      expect(resultJson(result)).toEqual({
        id: 1_500_001,
        author: 'octocat',
        createdAt: '2011-04-14T16:00:49Z',
        htmlUrl: 'https://github.com/octocat/Hello-World/issues/1347#issuecomment-1500001',
      });
    });
  });
});
