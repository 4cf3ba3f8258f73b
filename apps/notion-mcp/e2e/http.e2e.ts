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
import { PAGE_ID, list, taskPage } from '../test/fixtures';

const configuredEnv = { NOTION_TOKEN: 'ntn_e2e_token_000000', NOTION_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'search', arguments: { query: 'ship' } };

describeServerOverHttp({
  app: 'notion-mcp',
  configuredEnv,
  sampleCall,
});

describe('notion-mcp over HTTP against a fake Notion on loopback', () => {
  let notion: FakeUpstreamServer;
  const versions: Array<string | null> = [];
  beforeAll(async () => {
    notion = await serveFakeUpstream([
      http.post('*/v1/search', ({ request }) => {
        versions.push(request.headers.get('notion-version'));
        return HttpResponse.json(list([taskPage(PAGE_ID, 'Ship v2')], null, 'page_or_data_source'));
      }),
    ]);
  });
  afterAll(() => notion.close());

  it('calls search through both client generations, with the pinned Notion-Version', async () => {
    const env = { ...configuredEnv, NOTION_API_URL: notion.url };
    for (const result of await callToolOverHttp(bundlePath('notion-mcp'), env, sampleCall)) {
      expect(resultJson(result)).toMatchObject({ items: [{ id: PAGE_ID, title: 'Ship v2' }] });
    }
    expect(notion.requests.filter((request) => request.path === '/v1/search')).toHaveLength(2);
    expect(versions).toEqual(['2025-09-03', '2025-09-03']);
  });
});
