import { HttpResponse, connectInMemory, resultJson, useFakeUpstream, type RequestHandler } from '@sophia/mcp-testing';
import { codacyApp } from '../src/app';
import { codacyTools } from '../src/tools';
import { ORG, REPO, callTool, codacyData, codacyList, repoArgs, route, writeEnv } from './fake-upstream';
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

  it('covers every tool, and every tool lists an output schema', async () => {
    expect(Object.keys(calls).sort()).toEqual(codacyTools.map((tool) => tool.name).sort());
    const { client, close } = await connectInMemory(codacyApp, { env: writeEnv });
    try {
      const listed = (await client.listTools()).tools;
      expect(listed.filter((tool) => tool.outputSchema?.type !== 'object').map((tool) => tool.name)).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(codacyTools.map((tool) => [tool.name, tool] as const))('%s: structuredContent equals the text and validates against the output schema', async (name, tool) => {
    const result = await callTool(name, calls[name] ?? {}, writeEnv);
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(resultJson(result));
    expect(tool.output).toBeDefined();
    expect(tool.output?.safeParse(result.structuredContent).error).toBeUndefined();
  });
});
