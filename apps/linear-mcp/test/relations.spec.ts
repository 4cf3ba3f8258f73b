import { HttpResponse, outputOf, resultError, resultJson, servedTools, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { linearTools } from '../src/tools';
import { linearApp } from '../src/app';
import { callTool, configuredEnv, errors, fakeLinear, linearData, linearErrors } from './fake-upstream';
import { RELATION_ID, issueDetail } from './fixtures';

const relation = (type: string, from: string, to: string) => ({
  success: true,
  issueRelation: { id: RELATION_ID, type, issue: { identifier: from, title: `Issue ${from}` }, relatedIssue: { identifier: to, title: `Issue ${to}` } },
});

describe('issue relations', () => {
  const fake = useFakeUpstream();

  describe('relate_issues', () => {
    it.each([
      ['blocks', { issueId: 'ENG-1', relatedIssueId: 'ENG-2', type: 'blocks' }],
      ['blocked_by', { issueId: 'ENG-2', relatedIssueId: 'ENG-1', type: 'blocks' }],
      ['related', { issueId: 'ENG-1', relatedIssueId: 'ENG-2', type: 'related' }],
      ['duplicate_of', { issueId: 'ENG-1', relatedIssueId: 'ENG-2', type: 'duplicate' }],
    ])('%s is sent once as Linear stores it', async (type, sent) => {
      const linear = fakeLinear({
        CreateIssueRelation: ({ input }) => {
          const { type: stored, issueId, relatedIssueId } = input as Record<string, string>;
          return linearData({ issueRelationCreate: relation(stored as string, issueId as string, relatedIssueId as string) });
        },
      });
      fake.use(linear.handler);
      const result = await callTool('relate_issues', { issueId: 'ENG-1', type, relatedIssueId: 'ENG-2' });

      expect(linear.variablesOf('CreateIssueRelation')).toEqual([{ input: sent }]);
      expect(resultJson(result)).toEqual({
        id: RELATION_ID,
        type: sent.type,
        issue: { identifier: sent.issueId, title: `Issue ${sent.issueId}` },
        relatedIssue: { identifier: sent.relatedIssueId, title: `Issue ${sent.relatedIssueId}` },
      });
      structuredContent(result, outputOf(linearTools, 'relate_issues'));
    });

    it('refuses to relate an issue to itself without calling Linear', async () => {
      // No handler: a request would be unmatched and fail the test.
      expect(resultError(await callTool('relate_issues', { issueId: 'ENG-1', type: 'related', relatedIssueId: 'eng-1' }))).toBe(
        'invalid_input: an issue cannot be related to itself: give two different issues',
      );
    });

    it('names a missing issue as not_found', async () => {
      fake.use(fakeLinear({ CreateIssueRelation: () => linearErrors(200, [errors.entityNotFound('Issue', 'issueRelationCreate')]) }).handler);
      expect(resultError(await callTool('relate_issues', { issueId: 'ENG-1', type: 'blocks', relatedIssueId: 'ENG-999' }))).toBe(
        'not_found: Linear found nothing there: Could not find referenced Issue.',
      );
    });

    it.each([
      ['a 5xx', () => HttpResponse.text('Bad Gateway', { status: 502 }), /^upstream_error: /],
      ['a short rate limit', () => linearErrors(429, [errors.rateLimited()], { 'retry-after': '0' }), /^rate_limited: .* Retry after 0s\.$/],
    ])('is sent once: %s is reported, never retried', async (_label, answer, message) => {
      const linear = fakeLinear({ CreateIssueRelation: answer });
      fake.use(linear.handler);
      expect(resultError(await callTool('relate_issues', { issueId: 'ENG-1', type: 'blocks', relatedIssueId: 'ENG-2' }))).toMatch(message);
      expect(linear.received).toHaveLength(1);
    });

    it('reports success: false as upstream_error', async () => {
      fake.use(fakeLinear({ CreateIssueRelation: () => linearData({ issueRelationCreate: { success: false, issueRelation: null } }) }).handler);
      expect(resultError(await callTool('relate_issues', { issueId: 'ENG-1', type: 'blocks', relatedIssueId: 'ENG-2' }))).toBe(
        'upstream_error: Linear did not save the relation (success: false).',
      );
    });

    it('is not served in read-only mode, so it cannot be called', async () => {
      expect(await servedTools(linearApp, { ...configuredEnv, MCP_READ_ONLY: 'true' })).not.toContain('relate_issues');
      await expect(
        callTool('relate_issues', { issueId: 'ENG-1', type: 'blocks', relatedIssueId: 'ENG-2' }, { ...configuredEnv, MCP_READ_ONLY: 'true' }),
      ).rejects.toThrow('Tool relate_issues not found');
    });
  });

  describe('get_issue relations', () => {
    it('reads relations both ways in the words relate_issues takes', async () => {
      const linear = fakeLinear({
        GetIssue: () =>
          linearData({
            issue: issueDetail('ENG-1', {
              relations: {
                nodes: [
                  { type: 'blocks', relatedIssue: { identifier: 'ENG-2', title: 'Two' } },
                  { type: 'duplicate', relatedIssue: { identifier: 'ENG-3', title: 'Three' } },
                ],
              },
              inverseRelations: {
                nodes: [
                  { type: 'blocks', issue: { identifier: 'ENG-4', title: 'Four' } },
                  { type: 'duplicate', issue: { identifier: 'ENG-5', title: 'Five' } },
                  { type: 'related', issue: { identifier: 'ENG-6', title: 'Six' } },
                ],
              },
            }),
          }),
      });
      fake.use(linear.handler);
      const issue = resultJson<{ relations: unknown[] }>(await callTool('get_issue', { id: 'ENG-1', commentLimit: 0 }));
      expect(issue.relations).toEqual([
        { type: 'blocks', identifier: 'ENG-2', title: 'Two' },
        { type: 'duplicate_of', identifier: 'ENG-3', title: 'Three' },
        { type: 'blocked_by', identifier: 'ENG-4', title: 'Four' },
        { type: 'duplicated_by', identifier: 'ENG-5', title: 'Five' },
        { type: 'related', identifier: 'ENG-6', title: 'Six' },
      ]);
    });
  });
});
