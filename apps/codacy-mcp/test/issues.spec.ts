import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { REPO, callTool, configuredEnv, codacyData, codacyError, codacyList, repoArgs, route } from './fake-upstream';
import { commitIssue } from './fixtures/codacy';

const SEARCH = `/analysis${REPO}/issues/search`;

describe('search_issues', () => {
  const fake = useFakeUpstream();

  it('POSTs the filters as Codacy\'s SearchRepositoryIssuesBody, paging in the query', async () => {
    const search = route('post', SEARCH, () => codacyList([commitIssue(101)], undefined, 1));
    fake.use(search.handler);

    const result = resultJson(
      await callTool('search_issues', {
        ...repoArgs,
        branch: 'develop',
        levels: ['Error', 'High'],
        categories: ['Security'],
        languages: ['TypeScript'],
        authorEmails: ['dana@acme.test'],
        patternIds: ['ESLint8_no-unused-vars'],
        limit: 10,
      }),
    );

    expect(search.received.map(({ method, query, body }) => ({ method, query, body }))).toEqual([
      {
        method: 'POST',
        query: { limit: '10' },
        body: {
          branchName: 'develop',
          levels: ['Error', 'High'],
          categories: ['Security'],
          languages: ['TypeScript'],
          authorEmails: ['dana@acme.test'],
          patternIds: ['ESLint8_no-unused-vars'],
        },
      },
    ]);
    expect(result).toEqual({
      items: [
        {
          resultDataId: 101,
          issueId: '9b6f4c62-0d3e-4b7a-9a55-000000000101',
          filePath: 'src/auth/login.ts',
          lineNumber: 42,
          level: 'Warning',
          category: 'UnusedCode',
          subCategory: null,
          patternId: 'ESLint8_no-unused-vars',
          patternTitle: 'Disallow unused variables',
          tool: 'ESLint',
          language: 'TypeScript',
          message: "'session' is assigned a value but never used.",
          lineText: '  const session = await openSession(user);',
          suggestion: null,
          commit: { sha: '9f2c1e7a4b8d', authorEmail: 'dana@acme.test', authorName: 'Dana Dev', timestamp: '2026-11-19T15:30:00Z' },
          likelyFalsePositive: false,
        },
      ],
      total: 1,
    });
  });

  it('sends an empty body without filters (Codacy: every current issue of the main branch)', async () => {
    const search = route('post', SEARCH, () => codacyList([]));
    fake.use(search.handler);
    expect(resultJson(await callTool('search_issues', repoArgs))).toEqual({ items: [] });
    expect(search.received[0]?.body).toEqual({});
  });

  it('caps a huge message, line and suggestion with a marker, so one issue cannot crowd out the page', async () => {
    const huge = commitIssue(7, { message: 'm'.repeat(50_000), lineText: 'x'.repeat(50_000), suggestion: 's'.repeat(50_000) });
    fake.use(route('post', SEARCH, () => codacyList([huge])).handler);
    const [issue] = resultJson<{ items: Array<Record<string, string>> }>(await callTool('search_issues', repoArgs)).items;
    expect(issue?.['message']).toMatch(/^m{2000}\n… \[truncated: 48000 more characters not shown\]$/);
    expect(issue?.['lineText']).toMatch(/^x{500}\n… \[truncated: 49500 more characters not shown\]$/);
    expect(issue?.['suggestion']).toMatch(/^s{2000}\n… \[truncated/);
  });

  it('marks an issue Codacy estimates as a likely false positive', async () => {
    fake.use(route('post', SEARCH, () => codacyList([commitIssue(8, { falsePositiveProbability: 0.9, falsePositiveThreshold: 0.5 })])).handler);
    expect(resultJson(await callTool('search_issues', repoArgs))).toMatchObject({ items: [{ likelyFalsePositive: true }] });
  });

  it('a page too large for MCP_MAX_RESULT_BYTES → invalid_input advising a smaller request', async () => {
    const issues = Array.from({ length: 100 }, (_, index) => commitIssue(index + 1, { message: 'm'.repeat(1_900) }));
    fake.use(route('post', SEARCH, () => codacyList(issues)).handler);
    const result = await callTool('search_issues', { ...repoArgs, limit: 100 }, { ...configuredEnv, MCP_MAX_RESULT_BYTES: '65536' });
    expect(resultError(result)).toMatch(
      /^invalid_input: the result of search_issues is \d+ bytes, over the 65536-byte cap \(MCP_MAX_RESULT_BYTES\)\. Narrow the request/,
    );
  });

  it('rejects an unknown level without calling Codacy', async () => {
    expect(resultError(await callTool('search_issues', { ...repoArgs, levels: ['Critical'] }))).toMatch(/^invalid_input: .*levels/s);
  });
});

describe('get_issue', () => {
  const fake = useFakeUpstream();

  it('reads one issue by its resultDataId from { data }', async () => {
    const get = route('get', `/analysis${REPO}/issues/101`, () =>
      codacyData(commitIssue(101, { suggestion: 'Remove the variable.', patternInfo: { id: 'Semgrep_sqli', category: 'Security', subCategory: 'InputValidation', severityLevel: 'Error', level: 'Error' } })),
    );
    fake.use(get.handler);

    expect(resultJson(await callTool('get_issue', { ...repoArgs, resultDataId: 101 }))).toMatchObject({
      resultDataId: 101,
      level: 'Error',
      category: 'Security',
      subCategory: 'InputValidation',
      patternId: 'Semgrep_sqli',
      patternTitle: null,
      suggestion: 'Remove the variable.',
    });
    expect(get.received).toHaveLength(1);
  });

  it('404 → not_found naming Codacy and its message', async () => {
    fake.use(route('get', `/analysis${REPO}/issues/999`, () => codacyError(404, 'Issue 999 not found')).handler);
    expect(resultError(await callTool('get_issue', { ...repoArgs, resultDataId: 999 }))).toBe(
      'not_found: Codacy found nothing there (HTTP 404): Issue 999 not found.',
    );
  });

  it('takes the numeric resultDataId, not the issueId UUID', async () => {
    expect(resultError(await callTool('get_issue', { ...repoArgs, resultDataId: '9b6f4c62-0d3e' }))).toMatch(/^invalid_input: .*resultDataId/s);
  });
});
