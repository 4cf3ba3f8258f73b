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
import { pageInfo, teamNode } from '../test/fixtures';

// The SDK accepts plain HTTP only on loopback, which is where the fake runs.
const configuredEnv = { LINEAR_API_KEY: 'lin_api_e2e000000000000000', LINEAR_API_URL: 'http://127.0.0.1:1/graphql' };
const sampleCall = { name: 'list_teams', arguments: {} };

describeServerOverHttp({
  app: 'linear-mcp',
  configuredEnv,
  sampleCall,
});

describe('linear-mcp over HTTP against a fake Linear on loopback', () => {
  let linear: FakeUpstreamServer;
  beforeAll(async () => {
    linear = await serveFakeUpstream([
      http.post('*/graphql', async ({ request }) => {
        const { query } = (await request.json()) as { query: string };
        // Answers ListTeams only: any other operation is a failure the assertions below would show.
        if (!query.includes('query ListTeams')) return HttpResponse.json({ errors: [{ message: 'unexpected operation' }] }, { status: 400 });
        return HttpResponse.json({ data: { teams: { nodes: [teamNode('ENG', 'Engineering')], pageInfo: pageInfo() } } });
      }),
    ]);
  });
  afterAll(() => linear.close());

  it('calls list_teams through both client generations', async () => {
    const env = { ...configuredEnv, LINEAR_API_URL: `${linear.url}/graphql` };
    for (const result of await callToolOverHttp(bundlePath('linear-mcp'), env, sampleCall)) {
      expect(resultJson(result)).toMatchObject({ items: [{ key: 'ENG', name: 'Engineering' }] });
    }
    expect(linear.requests.filter((request) => request.method === 'POST' && request.path === '/graphql')).toHaveLength(2);
  });
});
