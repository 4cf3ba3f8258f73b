import { HttpResponse, describeStructuredContent, useFakeUpstream, type RequestHandler } from '@sophia/mcp-testing';
import { codacyApp } from '../src/app';
import { ORG, REPO, codacyData, codacyList, repoArgs, route, writeEnv } from './fake-upstream';
import { commitIssue, fileDiffCoverage, organization, pullRequestWithAnalysis, repositoryWithAnalysis, srmItem } from './fixtures/codacy';

/** One documented answer per endpoint, and one call per tool: every tool of the server is here. */
const handlers: RequestHandler[] = [
  route('get', '/user/organizations', () => codacyList([organization('acme')], 'next')).handler,
  route('get', `/analysis${ORG}/repositories`, () => codacyList([repositoryWithAnalysis('web-app')], undefined, 1)).handler,
  route('get', `/analysis${REPO}`, () => codacyData(repositoryWithAnalysis('web-app'))).handler,
  route('post', `/analysis${REPO}/issues/search`, () => codacyList([commitIssue(1)])).handler,
  route('get', `/analysis${REPO}/issues/1`, () => codacyData(commitIssue(1))).handler,
  route('post', `${ORG}/security/items/search`, () => codacyList([srmItem('item-1')])).handler,
  route('get', `/analysis${REPO}/pull-requests`, () => codacyList([pullRequestWithAnalysis(42)])).handler,
  route('get', `/analysis${REPO}/pull-requests/42/issues`, () => codacyList([{ commitIssue: commitIssue(2), deltaType: 'Fixed' }])).handler,
  route('get', `/analysis${REPO}/pull-requests/42`, () => HttpResponse.json(pullRequestWithAnalysis(42))).handler,
  route('get', `/coverage${REPO}/pull-requests/42/files`, () => codacyData([fileDiffCoverage('src/a.ts', [[1, 0], [2, 1]])])).handler,
  route('patch', `/analysis${REPO}/issues/9b6f4c62-0d3e-4b7a-9a55-000000000001`, () => new HttpResponse(null, { status: 204 })).handler,
];

const calls: Record<string, Record<string, unknown>> = {
  list_organizations: {},
  list_repositories: { provider: 'gh', organization: 'acme' },
  get_repository_analysis: repoArgs,
  search_issues: repoArgs,
  get_issue: { ...repoArgs, resultDataId: 1 },
  search_security_items: { provider: 'gh', organization: 'acme' },
  list_pull_requests: repoArgs,
  get_pull_request_issues: { ...repoArgs, pullRequestNumber: 42 },
  get_pull_request_coverage: { ...repoArgs, pullRequestNumber: 42 },
  ignore_issue: { ...repoArgs, issueId: '9b6f4c62-0d3e-4b7a-9a55-000000000001' },
};

describe('structured content', () => {
  const fake = useFakeUpstream();
  beforeEach(() => fake.use(...handlers));

  describeStructuredContent({ app: codacyApp, env: writeEnv, calls });
});
