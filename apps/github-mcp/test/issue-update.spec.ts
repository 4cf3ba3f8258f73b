import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, configuredEnv, githubError, route } from './fake-upstream';
import { issue } from './fixtures/issues';

const ISSUE = '/repos/octocat/Hello-World/issues/1347';
const target = { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347 };

describe('update_issue', () => {
  const fake = useFakeUpstream();

  it('patches only the fields given and returns the updated issue', async () => {
    const update = route('patch', ISSUE, () =>
      HttpResponse.json(issue(1347, { state: 'closed', state_reason: 'not_planned', closed_at: '2011-04-23T10:00:00Z', milestone: null })),
    );
    fake.use(update.handler);
    const result = await callTool('update_issue', { ...target, state: 'closed', stateReason: 'not_planned', labels: ['wontfix'], milestone: null });

    expect(update.received).toHaveLength(1);
    expect(update.received[0]?.body).toEqual({ state: 'closed', state_reason: 'not_planned', labels: ['wontfix'], milestone: null });
    expect(resultJson(result)).toMatchObject({ number: 1347, state: 'closed', stateReason: 'not_planned', milestone: null, closedAt: '2011-04-23T10:00:00Z' });
  });

  it('sends title, body and assignees as GitHub names them', async () => {
    const update = route('patch', ISSUE, () => HttpResponse.json(issue(1347, { title: 'Crash on start' })));
    fake.use(update.handler);
    await callTool('update_issue', { ...target, title: 'Crash on start', body: 'Steps: …', assignees: [] });
    expect(update.received[0]?.body).toEqual({ title: 'Crash on start', body: 'Steps: …', assignees: [] });
  });

  it.each([
    ['no field at all', {}, 'nothing to update'],
    ['a close reason with state open', { state: 'open', stateReason: 'completed' }, 'does not go with state "open"'],
    ['reopened with state closed', { state: 'closed', stateReason: 'reopened' }, 'does not go with state "closed"'],
  ])('refuses %s without calling GitHub', async (_label, fields, message) => {
    // No route: a request would be unmatched and fail differently.
    expect(resultError(await callTool('update_issue', { ...target, ...fields }))).toContain(message);
  });

  it('is sent once: a 502 is not retried, so the change is never made twice behind the caller', async () => {
    const update = route('patch', ISSUE, () => githubError(502, 'Server Error'));
    fake.use(update.handler);
    expect(resultError(await callTool('update_issue', { ...target, title: 'x' }))).toMatch(/^upstream_error: GitHub failed \(HTTP 502\)/);
    expect(update.received).toHaveLength(1);
  });

  it('turns 404 and 403 into not_found and forbidden', async () => {
    fake.use(route('patch', ISSUE, () => githubError(404, 'Not Found')).handler);
    expect(resultError(await callTool('update_issue', { ...target, title: 'x' }))).toMatch(/^not_found: /);
    fake.use(route('patch', ISSUE, () => githubError(403, 'Must have admin rights to Repository.')).handler);
    expect(resultError(await callTool('update_issue', { ...target, title: 'x' }))).toBe(
      'forbidden: GitHub denied access (HTTP 403): Must have admin rights to Repository.',
    );
  });

  it('is not served in read-only mode', async () => {
    await expect(callTool('update_issue', { ...target, title: 'x' }, { ...configuredEnv, MCP_READ_ONLY: 'true' })).rejects.toThrow(
      'Tool update_issue not found',
    );
  });
});
