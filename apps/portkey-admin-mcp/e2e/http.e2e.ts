import {
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  type FakeUpstreamServer,
} from '@sophia/mcp-testing';
import { portkeyList } from '../test/fake-upstream';
import { workspace } from '../test/fixtures/portkey';

const configuredEnv = { PORTKEY_API_KEY: 'e2e-key-000000', PORTKEY_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'list_workspaces', arguments: { limit: 5 } };

describeServerOverHttp({ app: 'portkey-admin-mcp', configuredEnv, sampleCall });

describe('portkey-admin-mcp over HTTP against a fake Portkey on loopback', () => {
  let portkey: FakeUpstreamServer;
  const keys: Array<string | null> = [];
  beforeAll(async () => {
    portkey = await serveFakeUpstream([
      http.get('*/admin/workspaces', ({ request }) => {
        keys.push(request.headers.get('x-portkey-api-key'));
        return portkeyList([workspace('ws-team')]);
      }),
    ]);
  });
  afterAll(() => portkey.close());

  it('calls list_workspaces through both client generations, with the x-portkey-api-key header and structured content', async () => {
    const env = { ...configuredEnv, PORTKEY_API_URL: portkey.url };
    for (const result of await callToolOverHttp(bundlePath('portkey-admin-mcp'), env, sampleCall)) {
      expect(resultJson(result)).toMatchObject({ items: [{ slug: 'ws-team', name: 'Workspace ws-team' }], total: 1 });
      expect(result.structuredContent).toEqual(resultJson(result));
    }
    expect(portkey.requests.map((request) => request.path)).toEqual([
      '/admin/workspaces?current_page=0&page_size=5',
      '/admin/workspaces?current_page=0&page_size=5',
    ]);
    expect(keys).toEqual(['e2e-key-000000', 'e2e-key-000000']);
  });
});
