import {
  HttpResponse,
  bundlePath,
  connectHttpClient,
  connectLegacyHttpClient,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  startServerProcess,
  type FakeUpstreamServer,
} from '@sophia/mcp-testing';
import { authenticatedUser } from '../test/fake-upstream';

const configuredEnv = { GITHUB_TOKEN: 'ghp_e2e_token_000000', GITHUB_API_URL: 'http://127.0.0.1:1' };

describeServerOverHttp({
  app: 'github-mcp',
  configuredEnv,
  secrets: ['GITHUB_TOKEN'],
  sampleCall: { name: 'get_me', arguments: {} },
  writeTools: ['create_issue', 'add_issue_comment', 'create_pull_request'],
});

describe('github-mcp over HTTP against a fake GitHub on loopback', () => {
  let github: FakeUpstreamServer;
  beforeAll(async () => {
    github = await serveFakeUpstream([http.get('*/user', () => HttpResponse.json(authenticatedUser))]);
  });
  afterAll(() => github.close());

  it('calls get_me through both client generations', async () => {
    const server = await startServerProcess(bundlePath('github-mcp'), { ...configuredEnv, GITHUB_API_URL: github.url });
    try {
      const modern = await connectHttpClient(server.mcpUrl);
      const legacy = await connectLegacyHttpClient(server.mcpUrl);
      expect(resultJson(await modern.callTool({ name: 'get_me', arguments: {} }))).toMatchObject({ login: 'octocat' });
      expect(resultJson(await legacy.callTool({ name: 'get_me', arguments: {} }))).toMatchObject({ login: 'octocat' });
      await Promise.all([modern.close(), legacy.close()]);
      expect(github.requests.filter((request) => request.path === '/user')).toHaveLength(2);
    } finally {
      await server.stop();
    }
  });
});
