import { HttpResponse, bundlePath, callToolOverHttp, describeServerOverHttp, http, resultJson, serveFakeUpstream } from '@sophia/mcp-testing';
import { owner, page } from '../test/fixtures/crm';

const configuredEnv = { HUBSPOT_ACCESS_TOKEN: 'pat-na1-e2e00000-1111-2222-3333-444444444444', HUBSPOT_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'list_owners', arguments: {} };

describeServerOverHttp({ app: 'hubspot-mcp', configuredEnv, sampleCall });

describe('hubspot-mcp over HTTP against a fake HubSpot on loopback', () => {
  it('answers list_owners and a paced search through both client generations, with structuredContent', async () => {
    const upstream = await serveFakeUpstream([
      http.get('*/crm/v3/owners', () => HttpResponse.json(page([owner('1', 'grace@example.com')]))),
      http.post('*/crm/v3/objects/:type/search', () => HttpResponse.json(page([{ id: '51', properties: { email: 'ada@example.com' } }], undefined, 1))),
    ]);
    try {
      const env = { ...configuredEnv, HUBSPOT_API_URL: upstream.url };
      for (const result of await callToolOverHttp(bundlePath('hubspot-mcp'), env, sampleCall)) {
        expect(resultJson(result)).toEqual({ results: [{ id: '1', email: 'grace@example.com', name: 'Grace Hopper', userId: 9_876_543, teams: ['EMEA Sales'] }] });
        expect(result.structuredContent).toEqual(resultJson(result));
      }
      const search = { name: 'search_crm_objects', arguments: { objectType: 'contacts', query: 'ada', properties: ['email'] } };
      for (const result of await callToolOverHttp(bundlePath('hubspot-mcp'), env, search)) {
        expect(result.structuredContent).toEqual({ total: 1, results: [{ id: '51', properties: { email: 'ada@example.com' } }] });
      }
      expect(upstream.requests).toHaveLength(4);
    } finally {
      await upstream.close();
    }
  });
});
