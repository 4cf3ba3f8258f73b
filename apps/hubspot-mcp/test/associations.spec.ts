import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, route, structured } from './fake-upstream';
import { association } from './fixtures/crm';

const PATH = '/crm/v4/objects/companies/901/associations/contacts';

/** A company with `count` associated contacts, served in v4 pages of at most `limit` (HubSpot: 500). */
function associationsOf(count: number) {
  return route('get', PATH, (request) => {
    const start = Number(request.query['after'] ?? 0);
    const size = Math.min(Number(request.query['limit']), 500);
    const end = Math.min(start + size, count);
    const results = Array.from({ length: end - start }, (_, i) => association(1000 + start + i, i === 0 ? 'Decision maker' : null));
    return HttpResponse.json({
      results,
      ...(end < count ? { paging: { next: { after: String(end), link: `https://api.hubapi.com${PATH}?after=${end}` } } } : {}),
    });
  });
}

describe('list_associations', () => {
  const fake = useFakeUpstream();

  it('follows paging.next.after to the end, so nothing past the first page is silently lost', async () => {
    const upstream = associationsOf(1_150);
    fake.use(upstream.handler);

    const result = structured('list_associations', await callTool('list_associations', { fromObjectType: 'companies', recordId: '901', toObjectType: 'contacts' }));

    const results = result['results'] as Array<{ toObjectId: string; types: unknown[] }>;
    expect(results).toHaveLength(1_000);
    expect(upstream.received.map((request) => request.query)).toEqual([
      { limit: '500' },
      { limit: '500', after: '500' },
    ]);
    expect(result['nextCursor']).toEqual(expect.any(String));
    expect(results[0]).toEqual({ toObjectId: '1000', types: [{ category: 'USER_DEFINED', typeId: 12, label: 'Decision maker' }] });
    expect(results[1]).toEqual({ toObjectId: '1001', types: [{ category: 'HUBSPOT_DEFINED', typeId: 279, label: null }] });

    const rest = structured(
      'list_associations',
      await callTool('list_associations', { fromObjectType: 'companies', recordId: '901', toObjectType: 'contacts', cursor: result['nextCursor'] }),
    );
    expect(rest['results']).toHaveLength(150);
    expect(rest['nextCursor']).toBeUndefined();
    expect(upstream.received.slice(2).map((request) => request.query)).toEqual([{ limit: '500', after: '1000' }]);
  });

  it('asks only for what limit leaves, so a small limit reads one small page', async () => {
    const upstream = associationsOf(30);
    fake.use(upstream.handler);
    const result = structured('list_associations', await callTool('list_associations', { fromObjectType: 'companies', recordId: '901', toObjectType: 'contacts', limit: 10 }));
    expect(result['results']).toHaveLength(10);
    expect(result['nextCursor']).toEqual(expect.any(String));
    expect(upstream.received.map((request) => request.query)).toEqual([{ limit: '10' }]);
  });

  it('a record that does not exist → not_found naming the path to check', async () => {
    fake.use(route('get', '/crm/v4/objects/companies/404/associations/contacts', () => new HttpResponse(null, { status: 404 })).handler);
    expect(resultError(await callTool('list_associations', { fromObjectType: 'companies', recordId: '404', toObjectType: 'contacts' }))).toBe(
      'not_found: HubSpot found nothing there (HTTP 404): nothing at /crm/v4/objects/companies/404/associations/contacts: check the object ' +
        "type (contacts, companies, deals, tickets or a custom object's type id) and the record id.",
    );
  });
});
