import {
  HttpResponse,
  bundlePath,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  type FakeUpstreamServer,
  callToolOverHttp,
} from '@sophia/mcp-testing';

const configuredEnv = { SLACK_TOKEN: 'xoxb-e2e-token-000000', SLACK_API_URL: 'http://127.0.0.1:1/api/' };
const sampleCall = { name: 'list_users', arguments: {} };

describeServerOverHttp({
  app: 'slack-mcp',
  configuredEnv,
  sampleCall,
});

describe('slack-mcp over HTTP against a fake Slack on loopback', () => {
  let slack: FakeUpstreamServer;
  beforeAll(async () => {
    slack = await serveFakeUpstream([
      // Slack's answer to a wrong token is invalid_auth, so a call only succeeds with the bearer header.
      http.post('*/api/users.list', ({ request }) =>
        request.headers.get('authorization') === `Bearer ${configuredEnv.SLACK_TOKEN}`
          ? HttpResponse.json({ ok: true, members: [{ id: 'U024BE7LH', name: 'spengler', profile: { display_name: 'spengler' } }] })
          : HttpResponse.json({ ok: false, error: 'invalid_auth' }),
      ),
    ]);
  });
  afterAll(() => slack.close());

  it('calls list_users through both client generations, with the token as a bearer header', async () => {
    // No trailing slash: the server adds the one the WebClient needs.
    const env = { ...configuredEnv, SLACK_API_URL: `${slack.url}/api` };
    for (const result of await callToolOverHttp(bundlePath('slack-mcp'), env, sampleCall)) {
      expect(resultJson(result)).toMatchObject({ users: [{ id: 'U024BE7LH', name: 'spengler' }] });
    }
    expect(slack.requests.filter((request) => request.path === '/api/users.list')).toHaveLength(2);
  });
});
