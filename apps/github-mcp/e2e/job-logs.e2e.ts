import {
  HttpResponse,
  bundlePath,
  callToolOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  type FakeUpstreamServer,
} from '@sophia/mcp-testing';
import { job, jobLog } from '../test/fixtures/actions';

/**
 * get_job_logs on the built bundle with real sockets: GitHub's logs endpoint answers a 302 to a
 * pre-signed URL on another host (blob storage), which the server reads without the token.
 */
describe('get_job_logs over HTTP, the log redirected to a storage host on loopback', () => {
  const token = 'ghp_e2e_logs_token_000000';
  const storageAuthorization: Array<string | null> = [];
  let storage: FakeUpstreamServer;
  let github: FakeUpstreamServer;

  beforeAll(async () => {
    storage = await serveFakeUpstream([
      http.get('*/logs/7.txt', ({ request }) => {
        storageAuthorization.push(request.headers.get('authorization'));
        return new HttpResponse(jobLog, { headers: { 'content-type': 'text/plain' } });
      }),
    ]);
    github = await serveFakeUpstream([
      http.get('*/repos/octocat/Hello-World/actions/jobs/7/logs', () =>
        new HttpResponse(null, { status: 302, headers: { location: `${storage.url}/logs/7.txt?sig=abc` } }),
      ),
      http.get('*/repos/octocat/Hello-World/actions/jobs/7', () => HttpResponse.json(job(7))),
    ]);
  });
  afterAll(async () => {
    await Promise.all([storage.close(), github.close()]);
  });

  it('returns the failing step\'s tail through both client generations, never sending the token to storage', async () => {
    // actions is outside the default toolsets (mcp-server.json): a client names it, here the server serves only it.
    const env = { GITHUB_TOKEN: token, GITHUB_API_URL: github.url, MCP_TOOLSETS: 'actions' };
    const results = await callToolOverHttp(bundlePath('github-mcp'), env, {
      name: 'get_job_logs',
      arguments: { owner: 'octocat', repo: 'Hello-World', jobId: 7 },
    });
    for (const result of results) {
      expect(resultJson(result)).toMatchObject({
        jobs: [{ jobId: 7, failedStep: { number: 3, name: 'Run tests' }, log: expect.stringContaining('##[error]Process completed with exit code 1.') }],
      });
    }
    expect(storage.requests.map((request) => request.path)).toEqual(['/logs/7.txt?sig=abc', '/logs/7.txt?sig=abc']);
    expect(storageAuthorization).toEqual([null, null]);
    // The redirect was taken by the server, once per call, not followed by fetch behind its back.
    expect(github.requests.filter((request) => request.path.endsWith('/logs'))).toHaveLength(2);
  });
});
