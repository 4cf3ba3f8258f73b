import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { REPO, callTool, codacyData, codacyError, codacyList, repoArgs, route } from './fake-upstream';
import { commitIssue, fileDiffCoverage, pullRequestWithAnalysis } from './fixtures/codacy';

describe('list_pull_requests', () => {
  const fake = useFakeUpstream();

  it('lists analysed pull requests, last updated first by default', async () => {
    const list = route('get', `/analysis${REPO}/pull-requests`, () => codacyList([pullRequestWithAnalysis(42)]));
    fake.use(list.handler);

    const result = resultJson(await callTool('list_pull_requests', repoArgs));

    expect(list.received[0]?.query).toEqual({ search: 'last-updated', includeNotAnalyzed: 'false', limit: '30' });
    expect(result).toEqual({
      items: [
        {
          number: 42,
          title: 'Add SSO login',
          status: 'open',
          author: 'dana',
          originBranch: 'feature/sso',
          targetBranch: 'main',
          updated: '2026-11-21T12:00:00Z',
          url: 'https://github.com/acme/web-app/pull/42',
          isAnalysing: false,
          isUpToStandards: false,
          newIssues: 3,
          fixedIssues: 1,
          deltaComplexity: 4,
          deltaClones: 0,
          deltaCoverage: -1.2,
          diffCoverage: 62.5,
        },
      ],
    });
  });

  it('passes the order and includeNotAnalyzed', async () => {
    const list = route('get', `/analysis${REPO}/pull-requests`, () => codacyList([]));
    fake.use(list.handler);
    await callTool('list_pull_requests', { ...repoArgs, order: 'merged', includeNotAnalyzed: true, limit: 5 });
    expect(list.received[0]?.query).toEqual({ search: 'merged', includeNotAnalyzed: 'true', limit: '5' });
  });
});

describe('get_pull_request_issues', () => {
  const fake = useFakeUpstream();
  const path = `/analysis${REPO}/pull-requests/42/issues`;

  it('lists the new issues by default, each with whether the pull request added or fixed it', async () => {
    const list = route('get', path, () =>
      HttpResponse.json({ analyzed: true, data: [{ commitIssue: commitIssue(201), deltaType: 'Added' }], pagination: { limit: 50 } }),
    );
    fake.use(list.handler);

    const result = resultJson(await callTool('get_pull_request_issues', { ...repoArgs, pullRequestNumber: 42 }));

    expect(list.received[0]?.query).toEqual({ status: 'new', onlyPotential: 'false', limit: '50' });
    expect(result).toMatchObject({ items: [{ change: 'Added', resultDataId: 201, filePath: 'src/auth/login.ts', level: 'Warning' }] });
  });

  it('asks for fixed or potential issues when told', async () => {
    const list = route('get', path, () => codacyList([{ commitIssue: commitIssue(202), deltaType: 'Fixed' }]));
    fake.use(list.handler);
    const result = resultJson(await callTool('get_pull_request_issues', { ...repoArgs, pullRequestNumber: 42, status: 'fixed', onlyPotential: true }));
    expect(list.received[0]?.query).toEqual({ status: 'fixed', onlyPotential: 'true', limit: '50' });
    expect(result).toMatchObject({ items: [{ change: 'Fixed', resultDataId: 202 }] });
  });

  it('404 for an unknown pull request → not_found', async () => {
    fake.use(route('get', `/analysis${REPO}/pull-requests/9999/issues`, () => codacyError(404, 'Pull request 9999 not found')).handler);
    expect(resultError(await callTool('get_pull_request_issues', { ...repoArgs, pullRequestNumber: 9999 }))).toBe(
      'not_found: Codacy found nothing there (HTTP 404): Pull request 9999 not found.',
    );
  });
});

describe('get_pull_request_coverage', () => {
  const fake = useFakeUpstream();

  it('combines the diff coverage summary with per-file uncovered changed lines, least covered first', async () => {
    // getRepositoryPullRequest answers with the pull request itself; the files coverage inside { data }.
    const pr = route('get', `/analysis${REPO}/pull-requests/42`, () => HttpResponse.json(pullRequestWithAnalysis(42)));
    const files = route('get', `/coverage${REPO}/pull-requests/42/files`, () =>
      codacyData([
        fileDiffCoverage('src/ok.ts', [[1, 3], [2, 1]], 95),
        fileDiffCoverage('src/auth/login.ts', [[10, 2], [11, 0], [12, 1], [15, 0], [16, 0]], 40),
      ]),
    );
    fake.use(pr.handler, files.handler);

    const result = resultJson(await callTool('get_pull_request_coverage', { ...repoArgs, pullRequestNumber: 42 }));

    expect(result).toEqual({
      number: 42,
      title: 'Add SSO login',
      isUpToStandards: false,
      deltaCoverage: -1.2,
      diffCoverage: { percentage: 62.5, coveredLines: 25, coverableLines: 40, cause: 'ValueIsPresent' },
      gates: [{ gate: 'diffCoverageThreshold', passes: false }],
      files: [
        { path: 'src/auth/login.ts', coverage: 40, changedLinesCovered: 2, changedLinesCoverable: 5, uncoveredLines: '11,15-16' },
        { path: 'src/ok.ts', coverage: 95, changedLinesCovered: 2, changedLinesCoverable: 2, uncoveredLines: '' },
      ],
      filesNotShown: 0,
    });
    expect([pr.received.length, files.received.length]).toEqual([1, 1]);
  });

  it('says so when no coverage report reached Codacy, and lists at most 100 files', async () => {
    const noCoverage = pullRequestWithAnalysis(7, { coverage: { diffCoverage: { cause: 'MissingRequirements' } } });
    fake.use(
      route('get', `/analysis${REPO}/pull-requests/7`, () => HttpResponse.json(noCoverage)).handler,
      route('get', `/coverage${REPO}/pull-requests/7/files`, () =>
        codacyData(Array.from({ length: 130 }, (_, index) => fileDiffCoverage(`src/f${index}.ts`, [[1, 0]]))),
      ).handler,
    );
    const result = resultJson<Record<string, unknown>>(await callTool('get_pull_request_coverage', { ...repoArgs, pullRequestNumber: 7 }));
    expect(result['diffCoverage']).toEqual({ percentage: null, coveredLines: null, coverableLines: null, cause: 'MissingRequirements' });
    expect(result['isUpToStandards']).toBeNull();
    expect(result['files']).toHaveLength(100);
    expect(result['filesNotShown']).toBe(30);
  });

  it('takes the pull request inside { data } as well', async () => {
    fake.use(
      route('get', `/analysis${REPO}/pull-requests/9`, () => codacyData(pullRequestWithAnalysis(9))).handler,
      route('get', `/coverage${REPO}/pull-requests/9/files`, () => codacyData([])).handler,
    );
    expect(resultJson(await callTool('get_pull_request_coverage', { ...repoArgs, pullRequestNumber: 9 }))).toMatchObject({ number: 9, files: [] });
  });

  it.each([
    ['a list', []],
    ['an object without the pull request', { unexpected: true }],
  ])('a pull request answer that is %s → upstream_error naming Codacy', async (_label, body) => {
    fake.use(
      route('get', `/analysis${REPO}/pull-requests/8`, () => HttpResponse.json(body)).handler,
      route('get', `/coverage${REPO}/pull-requests/8/files`, () => codacyData([])).handler,
    );
    expect(resultError(await callTool('get_pull_request_coverage', { ...repoArgs, pullRequestNumber: 8 }))).toBe(
      'upstream_error: Codacy answered analysis/organizations/gh/acme/repositories/web-app/pull-requests/8 with an unexpected body (no `pullRequest`).',
    );
  });
});
