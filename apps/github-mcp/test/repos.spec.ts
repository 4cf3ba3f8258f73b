import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, linkHeader, route } from './fake-upstream';
import { commits, directoryContent, fileContent, largeFileContent, repositorySearch } from './fixtures/repos';

describe('repos toolset', () => {
  const fake = useFakeUpstream();
  const contents = (body: Parameters<typeof HttpResponse.json>[0]) => route('get', '/repos/octocat/Hello-World/contents/*', () => HttpResponse.json(body));

  describe('search_repositories', () => {
    it('passes query, sort and order, and returns compact repositories with totalCount', async () => {
      const search = route('get', '/search/repositories', () =>
        HttpResponse.json(repositorySearch, { headers: { link: linkHeader('/search/repositories', 2, 4) } }),
      );
      fake.use(search.handler);
      const result = await callTool('search_repositories', { query: 'tetris language:assembly', sort: 'stars', order: 'desc', limit: 10 });

      expect(search.received[0]?.query).toEqual({ q: 'tetris language:assembly', sort: 'stars', order: 'desc', per_page: '10', page: '1' });
      expect(resultJson(result)).toEqual({
        totalCount: 40,
        items: [
          {
            fullName: 'dtrupenn/Tetris',
            description: 'A C implementation of Tetris using Pennsim through LC4',
            private: false,
            language: 'Assembly',
            stars: 1,
            forks: 0,
            openIssues: 0,
            topics: ['tetris', 'lc4'],
            archived: false,
            defaultBranch: 'master',
            pushedAt: '2012-01-01T00:37:02Z',
            htmlUrl: 'https://github.com/dtrupenn/Tetris',
          },
        ],
        nextCursor: expect.any(String),
      });
    });
  });

  describe('get_file_contents', () => {
    it('returns a file as decoded UTF-8 text with sha and size, at the requested ref', async () => {
      const text = '# Hello World\n\nGrüße aus dem Repository ✓\n';
      const file = contents(fileContent('docs/README.md', Buffer.from(text)));
      fake.use(file.handler);
      const result = await callTool('get_file_contents', { owner: 'octocat', repo: 'Hello-World', path: 'docs/README.md', ref: 'v1.2.0' });

      expect(file.received[0]).toMatchObject({ path: '/repos/octocat/Hello-World/contents/docs/README.md', query: { ref: 'v1.2.0' } });
      expect(resultJson(result)).toEqual({
        type: 'file',
        path: 'docs/README.md',
        sha: '3d21ec53a331a6f037a91c368710b99387d012c1',
        size: Buffer.byteLength(text),
        content: text,
        truncated: false,
        binary: false,
        note: null,
        htmlUrl: 'https://github.com/octocat/Hello-World/blob/master/docs/README.md',
      });
    });

    it('lists a directory as entries with name, path, type and size', async () => {
      const dir = contents(directoryContent);
      fake.use(dir.handler);
      const result = await callTool('get_file_contents', { owner: 'octocat', repo: 'Hello-World', path: '/lib/' });

      expect(dir.received[0]).toMatchObject({ path: '/repos/octocat/Hello-World/contents/lib', query: {} });
      expect(resultJson(result)).toEqual({
        type: 'dir',
        path: 'lib',
        entries: [
          { name: 'octokit.rb', path: 'lib/octokit.rb', type: 'file', size: 625 },
          { name: 'octokit', path: 'lib/octokit', type: 'dir', size: 0 },
        ],
      });
    });

    it('cuts text over 100 KB and marks the cut', async () => {
      const text = 'const line = "0123456789";\n'.repeat(6000); // 162 KB
      fake.use(contents(fileContent('src/big.ts', Buffer.from(text))).handler);
      const file = resultJson<{ content: string; truncated: boolean; note: string; size: number }>(
        await callTool('get_file_contents', { owner: 'octocat', repo: 'Hello-World', path: 'src/big.ts' }),
      );

      expect(file.truncated).toBe(true);
      expect(file.size).toBe(162_000);
      expect(file.note).toBe('truncated: showing the first 100000 of 162000 bytes');
      expect(file.content.startsWith(text.slice(0, 99_000))).toBe(true);
      expect(file.content.endsWith('\n… [truncated: showing the first 100000 of 162000 bytes]')).toBe(true);
    });

    it('refuses binary files clearly, keeping sha and size', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      fake.use(contents(fileContent('images/logo.png', png)).handler);
      const result = await callTool('get_file_contents', { owner: 'octocat', repo: 'Hello-World', path: 'images/logo.png' });

      expect(resultJson(result)).toMatchObject({
        type: 'file',
        size: png.length,
        content: null,
        binary: true,
        note: 'binary file; only text files are returned',
      });
    });

    it('says when a file is too large for the contents API', async () => {
      fake.use(contents(largeFileContent).handler);
      const result = await callTool('get_file_contents', { owner: 'octocat', repo: 'Hello-World', path: 'data/huge.csv' });

      expect(resultJson(result)).toMatchObject({
        size: 5_242_880,
        content: null,
        binary: false,
        note: 'file is over 1 MB; GitHub does not return its content here',
      });
    });

    it('rejects an owner that is really "owner/repo" before calling GitHub', async () => {
      const result = await callTool('get_file_contents', { owner: 'octocat/Hello-World', repo: 'Hello-World' });
      expect(resultError(result)).toMatch(/^invalid_input: invalid arguments for get_file_contents:[\s\S]*owner/);
    });
  });

  describe('list_commits', () => {
    it('passes every filter and returns commit titles with the linked login or the git author name', async () => {
      const list = route('get', '/repos/octocat/Hello-World/commits', () => HttpResponse.json(commits));
      fake.use(list.handler);
      const result = await callTool('list_commits', {
        owner: 'octocat',
        repo: 'Hello-World',
        sha: 'main',
        path: 'src/app.ts',
        author: 'octocat',
        since: '2011-01-01T00:00:00Z',
        until: '2012-12-31T23:59:59Z',
        limit: 2,
      });

      expect(list.received[0]?.query).toEqual({
        sha: 'main',
        path: 'src/app.ts',
        author: 'octocat',
        since: '2011-01-01T00:00:00Z',
        until: '2012-12-31T23:59:59Z',
        per_page: '2',
        page: '1',
      });
      expect(resultJson(result)).toEqual({
        items: [
          {
            sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
            message: 'Fix all the bugs',
            author: 'octocat',
            date: '2011-04-14T16:00:49Z',
            htmlUrl: 'https://github.com/octocat/Hello-World/commit/6dcb09b5b57875f334f61aebed695e2e4193db5e',
          },
          {
            sha: '7fd1a60b01f91b314f59955a4e4d4e80d8edf11d',
            message: 'Merge pull request #6 from Spaceghost/patch-1',
            author: 'The Octocat',
            date: '2012-03-06T23:06:50Z',
            htmlUrl: 'https://github.com/octocat/Hello-World/commit/7fd1a60b01f91b314f59955a4e4d4e80d8edf11d',
          },
        ],
      });
    });

    it('rejects a since that is not an ISO 8601 timestamp', async () => {
      const result = await callTool('list_commits', { owner: 'octocat', repo: 'Hello-World', since: 'last tuesday' });
      expect(resultError(result)).toMatch(/^invalid_input: invalid arguments for list_commits:[\s\S]*since/);
    });
  });
});
