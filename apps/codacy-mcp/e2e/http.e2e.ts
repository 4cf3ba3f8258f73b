import {
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  type FakeUpstreamServer,
} from '@sophia/mcp-testing';
import { codacyList } from '../test/fake-upstream';
import { organization } from '../test/fixtures/codacy';

const configuredEnv = { CODACY_API_TOKEN: 'e2e-token-000000', CODACY_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'list_organizations', arguments: { provider: 'gh' } };

describeServerOverHttp({ app: 'codacy-mcp', configuredEnv, sampleCall });

describe('codacy-mcp over HTTP against a fake Codacy on loopback', () => {
  let codacy: FakeUpstreamServer;
  const tokens: Array<string | null> = [];
  beforeAll(async () => {
    codacy = await serveFakeUpstream([
      http.get('*/user/organizations/:provider', ({ request }) => {
        tokens.push(request.headers.get('api-token'));
        return codacyList([organization('acme')]);
      }),
    ]);
  });
  afterAll(() => codacy.close());

  it('calls list_organizations through both client generations, with structured content', async () => {
    const env = { ...configuredEnv, CODACY_API_URL: codacy.url };
    const expected = { items: [{ name: 'acme', provider: 'gh', type: 'Organization', joinStatus: 'member' }] };
    for (const result of await callToolOverHttp(bundlePath('codacy-mcp'), env, sampleCall)) {
      expect(resultJson(result)).toEqual(expected);
      expect(result.structuredContent).toEqual(expected);
    }
    expect(codacy.requests.map((request) => request.path)).toEqual(['/user/organizations/gh?limit=50', '/user/organizations/gh?limit=50']);
    expect(tokens).toEqual(['e2e-token-000000', 'e2e-token-000000']);
  });
});
