import { HttpResponse, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, route } from './fake-upstream';
import { issue, pullRequestAsIssue } from './fixtures/issues';

/** GET /search/issues: issue items with score, across repositories. */
const searchAnswer = {
  total_count: 280,
  incomplete_results: false,
  items: [
    { ...issue(1347), score: 1 },
    { ...pullRequestAsIssue(7), repository_url: 'https://api.github.com/repos/github/docs', score: 0.9 },
  ],
};

describe('search_issues', () => {
  const fake = useFakeUpstream();

  it('sends the query with sort and order and returns results with their repository', async () => {
    const search = route('get', '/search/issues', () => HttpResponse.json(searchAnswer));
    fake.use(search.handler);
    const result = await callTool('search_issues', { query: 'windows label:bug', sort: 'created', order: 'asc', limit: 10 });

    expect(search.received[0]?.query).toEqual({ q: 'windows label:bug', sort: 'created', order: 'asc', per_page: '10', page: '1' });
    const page = resultJson<{ totalCount: number; items: Array<Record<string, unknown>> }>(result);
    expect(page.totalCount).toBe(280);
    expect(page.items.map((item) => [item['repository'], item['number'], item['isPullRequest']])).toEqual([
      ['octocat/Hello-World', 1347, false],
      ['github/docs', 7, true],
    ]);
  });

  it.each([
    [{ type: 'pull_request' }, 'author:octocat', 'author:octocat is:pr'],
    [{ type: 'issue' }, 'author:octocat', 'author:octocat is:issue'],
    [{ type: 'issue' }, 'is:pr author:octocat', 'is:pr author:octocat'],
    [{}, 'author:octocat', 'author:octocat'],
  ])('with %j turns %s into %s', async (extra, query, sent) => {
    const search = route('get', '/search/issues', () => HttpResponse.json({ ...searchAnswer, items: [] }));
    fake.use(search.handler);
    await callTool('search_issues', { query, ...extra });
    expect(search.received[0]?.query['q']).toBe(sent);
  });
});
