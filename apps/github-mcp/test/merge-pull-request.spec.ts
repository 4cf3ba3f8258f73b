import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, configuredEnv, githubError, route } from './fake-upstream';
import { HEAD_SHA } from './fixtures/actions';
import { mergeResult } from './fixtures/pulls';

const MERGE = '/repos/octocat/Hello-World/pulls/1347/merge';
const args = { owner: 'octocat', repo: 'Hello-World', pullNumber: 1347, expectedHeadSha: HEAD_SHA };
/** Merging cannot be undone: the server serves it only with destructive writes allowed. */
const destructiveEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

describe('merge_pull_request', () => {
  const fake = useFakeUpstream();

  it('puts the merge once with the sha guard and method, and returns the merge commit', async () => {
    const merge = route('put', MERGE, () => HttpResponse.json(mergeResult));
    fake.use(merge.handler);
    const result = await callTool('merge_pull_request', { ...args, mergeMethod: 'squash', commitTitle: 'Amazing new feature (#1347)' }, destructiveEnv);

    expect(merge.received).toHaveLength(1);
    expect(merge.received[0]?.body).toEqual({ sha: HEAD_SHA, merge_method: 'squash', commit_title: 'Amazing new feature (#1347)' });
    expect(resultJson(result)).toEqual({ merged: true, sha: mergeResult.sha, message: 'Pull Request successfully merged' });
  });

  it('turns a moved head (409) into conflict, naming GitHub\'s reason', async () => {
    fake.use(route('put', MERGE, () => githubError(409, 'Head branch was modified. Review and try the merge again.')).handler);
    expect(resultError(await callTool('merge_pull_request', args, destructiveEnv))).toBe(
      'conflict: GitHub reported a conflict (HTTP 409): Head branch was modified. Review and try the merge again.',
    );
  });

  it('turns a pull request that is not mergeable (405) into conflict', async () => {
    fake.use(route('put', MERGE, () => githubError(405, 'Pull Request is not mergeable')).handler);
    expect(resultError(await callTool('merge_pull_request', args, destructiveEnv))).toBe(
      'conflict: GitHub refused it in the current state (HTTP 405): Pull Request is not mergeable.',
    );
  });

  it('turns 404 and 403 into not_found and forbidden', async () => {
    fake.use(route('put', MERGE, () => githubError(404, 'Not Found')).handler);
    expect(resultError(await callTool('merge_pull_request', args, destructiveEnv))).toMatch(/^not_found: /);
    fake.use(route('put', MERGE, () => githubError(403, 'Resource not accessible by personal access token')).handler);
    expect(resultError(await callTool('merge_pull_request', args, destructiveEnv))).toMatch(/^forbidden: GitHub denied access \(HTTP 403\)/);
  });

  it('is sent once: a 502 is not retried', async () => {
    const merge = route('put', MERGE, () => githubError(502, 'Server Error'));
    fake.use(merge.handler);
    expect(resultError(await callTool('merge_pull_request', args, destructiveEnv))).toMatch(/^upstream_error: /);
    expect(merge.received).toHaveLength(1);
  });

  it('refuses a short or missing sha without calling GitHub', async () => {
    expect(resultError(await callTool('merge_pull_request', { ...args, expectedHeadSha: '6dcb09b' }, destructiveEnv))).toMatch(/expectedHeadSha/);
  });

  it.each([
    ['by default (destructive writes off)', configuredEnv],
    ['in read-only mode, even with destructive writes allowed', { ...destructiveEnv, MCP_READ_ONLY: 'true' }],
  ])('is not served %s', async (_label, env) => {
    await expect(callTool('merge_pull_request', args, env)).rejects.toThrow('Tool merge_pull_request not found');
  });
});
