import { FAULT_CASES, HttpResponse, describeUpstreamFaults, faults, http } from '@sophia/mcp-testing';
import { contact, owner, page } from '../test/fixtures/crm';

const token = 'pat-na1-fa0175ee-1111-2222-3333-444444444444';

describeUpstreamFaults({
  app: 'hubspot-mcp',
  env: (url) => ({ HUBSPOT_ACCESS_TOKEN: token, HUBSPOT_API_URL: url }),
  handlers: [
    http.get('*/crm/v3/owners', () => HttpResponse.json(page([owner('1', 'grace@example.com')]))),
    http.post('*/crm/v3/objects/:type/search', () => HttpResponse.json(page([contact('51')], undefined, 1))),
  ],
  calls: [
    { name: 'list_owners', arguments: {} },
    // A read sent as POST (and paced): retried like a GET.
    { name: 'search_crm_objects', arguments: { objectType: 'contacts', query: 'ada' } },
  ],
  secretValues: [token],
  // Every answer is checked against HubSpot's documented shape: JSON without `results` is not an answer.
  cases: [...FAULT_CASES, { name: 'JSON of the wrong shape with 200', faults: () => [faults.wrongShape200()], expect: 'upstream_error' }],
});
