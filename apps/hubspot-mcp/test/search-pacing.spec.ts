import { HttpResponse, connectInMemory, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { hubspotApp } from '../src/app';
import { configuredEnv, route } from './fake-upstream';
import { contact, page } from './fixtures/crm';

/**
 * HubSpot allows about 4 searches a second per token: the server paces its searches client-side
 * (the base's pacing, HUBSPOT_SEARCH_PER_SECOND per process) and leaves the other endpoints alone.
 * One server for several calls, as in production: the pace is per process.
 */
describe('search pacing', () => {
  const fake = useFakeUpstream();

  async function onOneServer(env: Record<string, string>, calls: Array<{ name: string; arguments: Record<string, unknown> }>) {
    const { client, close } = await connectInMemory(hubspotApp, { env });
    try {
      return await Promise.all(calls.map((call) => client.callTool(call)));
    } finally {
      await close();
    }
  }

  /** A fake endpoint that notes when each request arrived. */
  function timedRoute(method: 'get' | 'post', path: string) {
    const arrivals: number[] = [];
    const upstream = route(method, path, () => {
      arrivals.push(Date.now());
      return HttpResponse.json(page([contact('1')], undefined, 1));
    });
    fake.use(upstream.handler);
    return arrivals;
  }

  it('starts at most HUBSPOT_SEARCH_PER_SECOND searches a second', async () => {
    const arrivals = timedRoute('post', '/crm/v3/objects/contacts/search');
    const search = { name: 'search_crm_objects', arguments: { objectType: 'contacts', query: 'ada' } };

    const results = await onOneServer({ ...configuredEnv, HUBSPOT_SEARCH_PER_SECOND: '4' }, [search, search, search, search]);

    expect(results.every((result) => !result.isError)).toBe(true);
    // Four starts 250 ms apart span 750 ms; each arrival may lag its start a little (in-process fake, shared CPU).
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeGreaterThanOrEqual(550);
  });

  it('leaves the other endpoints unpaced', async () => {
    const arrivals = timedRoute('get', '/crm/v3/objects/contacts');
    const list = { name: 'list_crm_objects', arguments: { objectType: 'contacts' } };

    await onOneServer({ ...configuredEnv, HUBSPOT_SEARCH_PER_SECOND: '0.5' }, [list, list, list]);

    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(1_000);
  });

  it('a search whose turn would come after the end of the call fails at once as rate_limited, naming the wait', async () => {
    const arrivals = timedRoute('post', '/crm/v3/objects/contacts/search');
    const search = { name: 'search_crm_objects', arguments: { objectType: 'contacts', query: 'ada' } };

    const started = Date.now();
    const results = await onOneServer({ ...configuredEnv, HUBSPOT_SEARCH_PER_SECOND: '0.1', MCP_TOOL_TIMEOUT_MS: '3000' }, [search, search]);

    const errors = results.filter((result) => result.isError).map(resultError);
    expect(errors).toEqual([expect.stringMatching(/^rate_limited: HubSpot requests are paced to 0\.1\/s .*Retry after \d+s\.$/)]);
    expect(arrivals).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
