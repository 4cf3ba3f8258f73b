import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { ORG, REPO, TOKEN, callTool, codacyData, codacyError, codacyList, repoArgs, route } from './fake-upstream';
import { organization, repositoryWithAnalysis } from './fixtures/codacy';

describe('list_organizations', () => {
  const fake = useFakeUpstream();

  it('lists every provider\'s organizations from /user/organizations, sending the token as api-token', async () => {
    const list = route('get', '/user/organizations', () => codacyList([organization('acme'), organization('dana', { type: 'Account', provider: 'gl' })]));
    fake.use(list.handler);

    const result = resultJson(await callTool('list_organizations', {}));

    expect(result).toEqual({
      items: [
        { name: 'acme', provider: 'gh', type: 'Organization', joinStatus: 'member' },
        { name: 'dana', provider: 'gl', type: 'Account', joinStatus: 'member' },
      ],
    });
    expect(list.received[0]?.query).toEqual({ limit: '50' });
    expect(list.received[0]?.headers.get('api-token')).toBe(TOKEN);
    expect(list.received[0]?.headers.get('authorization')).toBeNull();
  });

  it('narrows to one provider with /user/organizations/{provider}', async () => {
    const list = route('get', '/user/organizations/gl', () => codacyList([organization('acme-gl', { provider: 'gl' })]));
    fake.use(list.handler);
    expect(resultJson(await callTool('list_organizations', { provider: 'gl', limit: 5 }))).toMatchObject({ items: [{ name: 'acme-gl' }] });
    expect(list.received[0]?.query).toEqual({ limit: '5' });
  });

  it('rejects an unknown provider without calling Codacy', async () => {
    expect(resultError(await callTool('list_organizations', { provider: 'github' }))).toMatch(/^invalid_input: invalid arguments for list_organizations:.*provider/s);
  });
});

describe('list_repositories', () => {
  const fake = useFakeUpstream();

  it('lists the repositories with grade, issues, coverage and the search filter', async () => {
    const list = route('get', `/analysis${ORG}/repositories`, () => codacyList([repositoryWithAnalysis('web-app')], undefined, 1));
    fake.use(list.handler);

    const result = resultJson(await callTool('list_repositories', { provider: 'gh', organization: 'acme', search: 'web' }));

    expect(list.received[0]?.query).toEqual({ search: 'web', limit: '50' });
    expect(result).toEqual({
      items: [
        {
          name: 'web-app',
          fullPath: 'acme/web-app',
          visibility: 'Private',
          gradeLetter: 'B',
          grade: 82,
          issuesCount: 125,
          issuesPerKLoc: 5,
          coveragePercentage: 71.4,
          complexFilesPercentage: 12,
          duplicationPercentage: 4,
          linesOfCode: 25000,
          lastUpdated: '2026-11-20T09:00:00Z',
          lastAnalysedCommit: { sha: '9f2c1e7a4b8d', analysedAt: '2026-11-20T09:04:00Z' },
        },
      ],
      total: 1,
    });
  });

  it('says null for metrics Codacy has not computed (a repository never analysed, no coverage)', async () => {
    const bare = { repository: { name: 'new-repo', provider: 'gh', owner: 'acme', visibility: 'Public', problems: [], languages: [] } };
    fake.use(route('get', `/analysis${ORG}/repositories`, () => codacyList([bare])).handler);
    expect(resultJson(await callTool('list_repositories', { provider: 'gh', organization: 'acme' }))).toEqual({
      items: [
        {
          name: 'new-repo',
          fullPath: null,
          visibility: 'Public',
          gradeLetter: null,
          grade: null,
          issuesCount: null,
          issuesPerKLoc: null,
          coveragePercentage: null,
          complexFilesPercentage: null,
          duplicationPercentage: null,
          linesOfCode: null,
          lastUpdated: null,
          lastAnalysedCommit: null,
        },
      ],
    });
  });
});

describe('get_repository_analysis', () => {
  const fake = useFakeUpstream();

  it('reads one repository on a branch, with goals, standards, gate and problems', async () => {
    const analysis = repositoryWithAnalysis('web-app');
    analysis.repository.problems = [{ message: 'No coverage reports received', actions: [], code: 'coverage', severity: 'warning' }] as never;
    const get = route('get', `/analysis${REPO}`, () => codacyData(analysis));
    fake.use(get.handler);

    const result = resultJson(await callTool('get_repository_analysis', { ...repoArgs, branch: 'develop' }));

    expect(get.received[0]?.query).toEqual({ branch: 'develop' });
    expect(result).toMatchObject({
      name: 'web-app',
      gradeLetter: 'B',
      defaultBranch: 'main',
      languages: ['TypeScript', 'CSS'],
      codingStandards: ['Acme standard'],
      qualityGate: 'Acme gate',
      problems: ['No coverage reports received'],
      complexFilesCount: 9,
      coverage: { filesUncovered: 12, filesWithLowCoverage: 20, totalFiles: 180 },
      goals: { maxIssuePercentage: 20, maxDuplicatedFilesPercentage: 10, minCoveragePercentage: 60, maxComplexFilesPercentage: 10 },
    });
  });

  it('404 → not_found with Codacy\'s message', async () => {
    fake.use(route('get', `/analysis${REPO}`, () => codacyError(404, 'Repository web-app not found')).handler);
    expect(resultError(await callTool('get_repository_analysis', repoArgs))).toBe(
      'not_found: Codacy found nothing there (HTTP 404): Repository web-app not found.',
    );
  });

  it('encodes names into one path segment and refuses path tricks before any request', async () => {
    expect(resultError(await callTool('get_repository_analysis', { ...repoArgs, repository: '../secrets' }))).toMatch(/^invalid_input: .*repository/s);
    expect(resultError(await callTool('get_repository_analysis', { ...repoArgs, organization: 'a/b' }))).toMatch(/^invalid_input: .*organization/s);
  });
});
