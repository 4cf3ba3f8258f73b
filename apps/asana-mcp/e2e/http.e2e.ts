import {
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  type FakeUpstreamServer,
} from '@sophia/mcp-testing';
import { asanaData } from '../test/fake-upstream';
import { workspace } from '../test/fixtures/asana';

const configuredEnv = { ASANA_TOKEN: 'e2e-token-000000', ASANA_API_URL: 'http://127.0.0.1:1' };

describeServerOverHttp({
  app: 'asana-mcp',
  configuredEnv,
  sampleCall: { name: 'list_workspaces', arguments: {} },
});

describe('asana-mcp over HTTP against a fake Asana on loopback', () => {
  let asana: FakeUpstreamServer;
  const authorizations: Array<string | null> = [];
  beforeAll(async () => {
    asana = await serveFakeUpstream([
      http.get('*/workspaces', ({ request }) => {
        authorizations.push(request.headers.get('authorization'));
        return asanaData([workspace('1200000000000010', 'My Company Workspace')], null);
      }),
    ]);
  });
  afterAll(() => asana.close());

  it('calls list_workspaces through both client generations', async () => {
    const env = { ...configuredEnv, ASANA_API_URL: asana.url };
    const results = await callToolOverHttp(bundlePath('asana-mcp'), env, { name: 'list_workspaces', arguments: {} });
    const expected = { items: [{ gid: '1200000000000010', name: 'My Company Workspace', isOrganization: true }] };
    for (const result of results) expect(resultJson(result)).toEqual(expected);
    // requests[].path carries the query too: the same opt_fields the in-process specs assert.
    expect(asana.requests.map((request) => request.path)).toEqual([
      '/workspaces?limit=30&opt_fields=name%2Cis_organization',
      '/workspaces?limit=30&opt_fields=name%2Cis_organization',
    ]);
    expect(authorizations).toEqual(['Bearer e2e-token-000000', 'Bearer e2e-token-000000']);
  });
});
