import { HttpResponse, resultError, resultJson, servedTools, useFakeUpstream } from '@sophia/mcp-testing';
import { codacyApp } from '../src/app';
import { REPO, callTool, codacyError, configuredEnv, repoArgs, route, writeEnv } from './fake-upstream';

const ISSUE_ID = '9b6f4c62-0d3e-4b7a-9a55-000000000101';
const PATH = `/analysis${REPO}/issues/${ISSUE_ID}`;

describe('ignore_issue and the fleet write policy', () => {
  it('is off by default, served with MCP_ALLOW_DESTRUCTIVE=true, and never in read-only mode', async () => {
    expect(await servedTools(codacyApp, configuredEnv)).not.toContain('ignore_issue');
    expect(await servedTools(codacyApp, writeEnv)).toContain('ignore_issue');
    expect(await servedTools(codacyApp, { ...writeEnv, MCP_READ_ONLY: 'true' })).not.toContain('ignore_issue');
  });

  it('cannot be called while off: the server does not know it', async () => {
    await expect(callTool('ignore_issue', { ...repoArgs, issueId: ISSUE_ID })).rejects.toThrow('Tool ignore_issue not found');
  });
});

describe('ignore_issue', () => {
  const fake = useFakeUpstream();

  it('PATCHes { ignored, reason, comment } to the issue by its issueId; Codacy answers 204', async () => {
    const patch = route('patch', PATH, () => new HttpResponse(null, { status: 204 }));
    fake.use(patch.handler);

    const result = await callTool('ignore_issue', { ...repoArgs, issueId: ISSUE_ID, reason: 'FalsePositive', comment: 'Guarded upstream.' }, writeEnv);

    expect(resultJson(result)).toEqual({ issueId: ISSUE_ID, ignored: true, reason: 'FalsePositive' });
    expect(patch.received.map(({ method, body }) => ({ method, body }))).toEqual([
      { method: 'PATCH', body: { ignored: true, reason: 'FalsePositive', comment: 'Guarded upstream.' } },
    ]);
  });

  it('ignored false stops ignoring it (no reason sent)', async () => {
    const patch = route('patch', PATH, () => new HttpResponse(null, { status: 204 }));
    fake.use(patch.handler);
    expect(resultJson(await callTool('ignore_issue', { ...repoArgs, issueId: ISSUE_ID, ignored: false }, writeEnv))).toEqual({
      issueId: ISSUE_ID,
      ignored: false,
      reason: null,
    });
    expect(patch.received[0]?.body).toEqual({ ignored: false });
  });

  it.each([
    ['503', () => codacyError(503, 'Service Unavailable'), /^upstream_error: Codacy failed \(HTTP 503\)/],
    ['429 with a short Retry-After', () => codacyError(429, 'Too many requests', { 'retry-after': '0' }), /^rate_limited: /],
    ['502', () => codacyError(502, 'Bad Gateway'), /^upstream_error: Codacy failed \(HTTP 502\)/],
  ])('a %s is sent once, never retried (a write)', async (_label, answer, error) => {
    const patch = route('patch', PATH, answer);
    fake.use(patch.handler);
    expect(resultError(await callTool('ignore_issue', { ...repoArgs, issueId: ISSUE_ID }, writeEnv))).toMatch(error);
    expect(patch.received).toHaveLength(1);
  });

  it('rejects a resultDataId-looking or path-like issueId before any request', async () => {
    expect(resultError(await callTool('ignore_issue', { ...repoArgs, issueId: '../../x' }, writeEnv))).toMatch(/^invalid_input: .*issueId/s);
  });
});
