import { HttpResponse, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, linkHeader, route } from './fake-upstream';
import { pullRequestFile } from './fixtures/pulls';
import { branch, commitDetail } from './fixtures/repos';

const COMMIT = '/repos/octocat/Hello-World/commits/6dcb09b';

describe('get_commit', () => {
  const fake = useFakeUpstream();

  it('returns message, people, parents, stats and files without patches by default', async () => {
    const get = route('get', COMMIT, () =>
      HttpResponse.json(commitDetail([pullRequestFile('file1.txt', 'added', 103, 21)]), { headers: { link: linkHeader(COMMIT, 2, 3) } }),
    );
    fake.use(get.handler);
    const result = await callTool('get_commit', { owner: 'octocat', repo: 'Hello-World', ref: '6dcb09b' });

    expect(get.received[0]?.query).toEqual({ per_page: '100', page: '1' });
    expect(resultJson(result)).toEqual({
      sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
      message: 'Fix all the bugs\n\nThe long story of how every bug was fixed.',
      author: 'octocat',
      authorDate: '2011-04-14T16:00:49Z',
      committer: 'octocat',
      committerDate: '2011-04-14T16:00:49Z',
      parents: ['7638417db6d59f3c431d3e1f261cc637155684cd'],
      stats: { additions: 104, deletions: 4, total: 108 },
      files: [{ path: 'file1.txt', status: 'added', additions: 103, deletions: 21, previousPath: null }],
      moreFiles: true,
      htmlUrl: 'https://github.com/octocat/Hello-World/commit/6dcb09b5b57875f334f61aebed695e2e4193db5e',
    });
  });

  it('adds each patch, cut, with includePatches', async () => {
    const long = { ...pullRequestFile('big.txt', 'modified', 9000, 0), patch: 'y'.repeat(6000) };
    fake.use(route('get', COMMIT, () => HttpResponse.json(commitDetail([pullRequestFile('a.txt', 'modified', 1, 1), long]))).handler);
    const { files } = resultJson<{ files: Array<{ patch?: string | null; patchNote?: string | null }> }>(
      await callTool('get_commit', { owner: 'octocat', repo: 'Hello-World', ref: '6dcb09b', includePatches: true }),
    );
    expect(files[0]).toMatchObject({ patch: pullRequestFile('a', 'modified', 0, 0).patch, patchNote: null });
    expect(files[1]?.patchNote).toBe('cut: showing the first 5000 of 6000 characters');
  });
});

describe('list_branches', () => {
  const fake = useFakeUpstream();

  it('passes the protected filter and returns name, head sha and protection', async () => {
    const list = route('get', '/repos/octocat/Hello-World/branches', () =>
      HttpResponse.json([branch('main', 'c5b97d5ae6c19d5c5df71a34c7fbeeda2479ccbc', true)]),
    );
    fake.use(list.handler);
    const result = await callTool('list_branches', { owner: 'octocat', repo: 'Hello-World', protected: true });
    expect(list.received[0]?.query).toEqual({ protected: 'true', per_page: '30', page: '1' });
    expect(resultJson(result)).toEqual({ items: [{ name: 'main', sha: 'c5b97d5ae6c19d5c5df71a34c7fbeeda2479ccbc', protected: true }] });
  });
});
