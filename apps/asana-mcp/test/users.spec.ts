import { outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaTools } from '../src/tools';
import { asanaData, asanaError, callTool, route } from './fake-upstream';
import { userWithEmail } from './fixtures/asana';

describe('list_users', () => {
  const fake = useFakeUpstream();

  it('lists the people of a workspace with their emails', async () => {
    const list = route('get', '/users', () =>
      asanaData(
        [userWithEmail('1200000000000001', 'Greg Sanchez', 'gsanchez@example.com'), userWithEmail('1200000000000002', 'Tim Bizarro', null)],
        null,
      ),
    );
    fake.use(list.handler);
    const result = await callTool('list_users', { workspaceGid: '1200000000000010' });

    expect(list.received[0]?.query).toEqual({ workspace: '1200000000000010', limit: '30', opt_fields: 'name,email' });
    expect(resultJson(result)).toEqual({
      items: [
        { gid: '1200000000000001', name: 'Greg Sanchez', email: 'gsanchez@example.com' },
        { gid: '1200000000000002', name: 'Tim Bizarro', email: null },
      ],
    });
    structuredContent(result, outputOf(asanaTools, 'list_users'));
  });

  it('lists one team by its gid', async () => {
    const list = route('get', '/users', () => asanaData([], null));
    fake.use(list.handler);
    expect(resultJson(await callTool('list_users', { teamGid: '1200000000000020' }))).toEqual({ items: [] });
    expect(list.received[0]?.query).toEqual({ team: '1200000000000020', limit: '30', opt_fields: 'name,email' });
  });

  it("finds people by name with the workspace's typeahead: one page, no cursor", async () => {
    const typeahead = route('get', '/workspaces/1200000000000010/typeahead', () =>
      asanaData([userWithEmail('1200000000000001', 'Greg Sanchez', 'gsanchez@example.com')]),
    );
    fake.use(typeahead.handler);
    const result = await callTool('list_users', { workspaceGid: '1200000000000010', query: 'greg', limit: 5 });

    expect(typeahead.received[0]?.query).toEqual({ resource_type: 'user', query: 'greg', count: '5', opt_fields: 'name,email' });
    expect(resultJson(result)).toEqual({ items: [{ gid: '1200000000000001', name: 'Greg Sanchez', email: 'gsanchez@example.com' }] });
  });

  it('refuses query with a team before calling Asana', async () => {
    expect(resultError(await callTool('list_users', { teamGid: '1200000000000020', query: 'greg' }))).toBe(
      'invalid_input: query searches a workspace: give workspaceGid, not teamGid',
    );
  });

  it('refuses a call without workspaceGid or teamGid before calling Asana', async () => {
    expect(resultError(await callTool('list_users', {}))).toBe('invalid_input: give exactly one of workspaceGid or teamGid');
  });

  it("turns a 404 into not_found with Asana's message", async () => {
    fake.use(route('get', '/users', () => asanaError(404, 'workspace: Unknown object: 999')).handler);
    expect(resultError(await callTool('list_users', { workspaceGid: '999' }))).toBe(
      'not_found: Asana found nothing there (HTTP 404): workspace: Unknown object: 999.',
    );
  });

  it('turns a 403 into forbidden', async () => {
    fake.use(route('get', '/users', () => asanaError(403, 'Forbidden')).handler);
    expect(resultError(await callTool('list_users', { teamGid: '1200000000000021' }))).toBe('forbidden: Asana denied access (HTTP 403): Forbidden.');
  });
});
