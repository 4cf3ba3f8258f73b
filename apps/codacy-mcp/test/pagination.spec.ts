import { encodeCursor } from '@sophia/mcp-base';
import { resultError, resultJson, useFakeUpstream, type HttpMethod } from '@sophia/mcp-testing';
import { ORG, REPO, callTool, codacyList, repoArgs, route } from './fake-upstream';
import { commitIssue, organization, pullRequestWithAnalysis, repositoryWithAnalysis, srmItem } from './fixtures/codacy';

const INVALID_CURSOR = 'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged';

/** Every list tool pages with Codacy's pagination.cursor; one table covers them. */
const listTools: Array<{ tool: string; method: HttpMethod; path: string; args: Record<string, unknown>; item: unknown }> = [
  { tool: 'list_organizations', method: 'get', path: '/user/organizations', args: {}, item: organization('acme') },
  { tool: 'list_repositories', method: 'get', path: `/analysis${ORG}/repositories`, args: { provider: 'gh', organization: 'acme' }, item: repositoryWithAnalysis('web-app') },
  { tool: 'search_issues', method: 'post', path: `/analysis${REPO}/issues/search`, args: repoArgs, item: commitIssue(1) },
  { tool: 'search_security_items', method: 'post', path: `${ORG}/security/items/search`, args: { provider: 'gh', organization: 'acme' }, item: srmItem('item-1') },
  { tool: 'list_pull_requests', method: 'get', path: `/analysis${REPO}/pull-requests`, args: repoArgs, item: pullRequestWithAnalysis(42) },
  {
    tool: 'get_pull_request_issues',
    method: 'get',
    path: `/analysis${REPO}/pull-requests/42/issues`,
    args: { ...repoArgs, pullRequestNumber: 42 },
    item: { commitIssue: commitIssue(2), deltaType: 'Added' },
  },
];

describe.each(listTools)('$tool pagination', ({ tool, method, path, args, item }) => {
  const fake = useFakeUpstream();

  it("turns pagination.cursor into nextCursor across two pages, and the cursor back into Codacy's", async () => {
    const list = route(method, path, (request) => (request.query['cursor'] === 'MjUw' ? codacyList([item], undefined, 2) : codacyList([item], 'MjUw', 2)));
    fake.use(list.handler);

    const first = resultJson<{ items: unknown[]; nextCursor?: string; total?: number }>(await callTool(tool, { ...args, limit: 1 }));
    expect(first).toMatchObject({ items: [expect.any(Object)], nextCursor: expect.any(String), total: 2 });
    expect(first.nextCursor).not.toBe('MjUw');

    const second = resultJson<Record<string, unknown>>(await callTool(tool, { ...args, limit: 1, cursor: first.nextCursor }));
    expect(list.received.map((request) => [request.query['limit'], request.query['cursor']])).toEqual([
      ['1', undefined],
      ['1', 'MjUw'],
    ]);
    expect(second['items']).toHaveLength(1);
    expect(second).not.toHaveProperty('nextCursor');
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['a cursor of ours without a token', encodeCursor({ page: 2 })],
  ])('rejects %s as invalid_input without calling Codacy', async (_label, cursor) => {
    expect(resultError(await callTool(tool, { ...args, cursor }))).toBe(INVALID_CURSOR);
  });

  it('refuses a limit over 100 before calling Codacy', async () => {
    expect(resultError(await callTool(tool, { ...args, limit: 1000 }))).toMatch(/^invalid_input: .*limit/s);
  });
});
