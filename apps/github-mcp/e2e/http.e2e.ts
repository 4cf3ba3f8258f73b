import {
  HttpResponse,
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  type FakeUpstreamServer,
} from '@sophia/mcp-testing';
import { authenticatedUser } from '../test/fake-upstream';

const configuredEnv = { GITHUB_TOKEN: 'ghp_e2e_token_000000', GITHUB_API_URL: 'http://127.0.0.1:1' };

describeServerOverHttp({
  app: 'github-mcp',
  configuredEnv,
  sampleCall: { name: 'get_me', arguments: {} },
});

describe('github-mcp over HTTP against a fake GitHub on loopback', () => {
  let github: FakeUpstreamServer;
  beforeAll(async () => {
    github = await serveFakeUpstream([http.get('*/user', () => HttpResponse.json(authenticatedUser))]);
  });
  afterAll(() => github.close());

  it('calls get_me through both client generations', async () => {
    const env = { ...configuredEnv, GITHUB_API_URL: github.url };
    const results = await callToolOverHttp(bundlePath('github-mcp'), env, { name: 'get_me', arguments: {} });
    for (const result of results) expect(resultJson(result)).toMatchObject({ login: 'octocat' });
    expect(github.requests.filter((request) => request.path === '/user')).toHaveLength(2);
  });
});
