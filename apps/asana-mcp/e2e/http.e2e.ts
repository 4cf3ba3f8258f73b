import {
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
import { asanaData } from '../test/fake-upstream';
import { workspace } from '../test/fixtures/asana';

const configuredEnv = { ASANA_TOKEN: 'e2e-token-000000', ASANA_API_URL: 'http://127.0.0.1:1' };

describeServerOverHttp({
  app: 'asana-mcp',
  configuredEnv,
  secrets: ['ASANA_TOKEN'],
  sampleCall: { name: 'list_workspaces', arguments: {} },
  writeTools: ['create_task', 'update_task', 'add_comment'],
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
    const server = await startServerProcess(bundlePath('asana-mcp'), { ...configuredEnv, ASANA_API_URL: asana.url });
    try {
      const modern = await connectHttpClient(server.mcpUrl);
      const legacy = await connectLegacyHttpClient(server.mcpUrl);
      const expected = { items: [{ gid: '1200000000000010', name: 'My Company Workspace', isOrganization: true }] };
      expect(resultJson(await modern.callTool({ name: 'list_workspaces', arguments: {} }))).toEqual(expected);
      expect(resultJson(await legacy.callTool({ name: 'list_workspaces', arguments: {} }))).toEqual(expected);
      await Promise.all([modern.close(), legacy.close()]);
      // requests[].path carries the query too: the same opt_fields the in-process specs assert.
      expect(asana.requests.map((request) => request.path)).toEqual([
        '/workspaces?limit=30&opt_fields=name%2Cis_organization',
        '/workspaces?limit=30&opt_fields=name%2Cis_organization',
      ]);
      expect(authorizations).toEqual(['Bearer e2e-token-000000', 'Bearer e2e-token-000000']);
    } finally {
      await server.stop();
    }
  });
});
