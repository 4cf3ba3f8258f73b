import { outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaTools } from '../src/tools';
import { asanaData, asanaError, callTool, route } from './fake-upstream';
import { projectSummary } from './fixtures/asana';

describe('list_projects', () => {
  const fake = useFakeUpstream();

  it('lists the active projects of a workspace with the fields it returns', async () => {
    const list = route('get', '/projects', () =>
      asanaData([projectSummary('1200000000000100', 'Stuff to buy'), projectSummary('1200000000000101', 'Launch')], null),
    );
    fake.use(list.handler);
    const result = await callTool('list_projects', { workspaceGid: '1200000000000010' });

    expect(list.received[0]?.query).toEqual({
      workspace: '1200000000000010',
      archived: 'false',
      limit: '30',
      opt_fields: 'name,archived,owner.name,team.name,modified_at,permalink_url',
    });
    expect(resultJson(result)).toEqual({
      items: [
        {
          gid: '1200000000000100',
          name: 'Stuff to buy',
          archived: false,
          owner: { gid: '1200000000000001', name: 'Greg Sanchez' },
          team: { gid: '1200000000000020', name: 'Marketing' },
          modifiedAt: '2026-08-02T09:30:00.000Z',
          url: 'https://app.asana.com/0/1200000000000100/list',
        },
        expect.objectContaining({ gid: '1200000000000101', name: 'Launch' }),
      ],
    });
    // Declared output: the same answer goes out as structuredContent.
    structuredContent(result, outputOf(asanaTools, 'list_projects'));
  });

  it('lists one team, archived projects included, without the archived filter', async () => {
    const list = route('get', '/projects', () => asanaData([projectSummary('1200000000000102', 'Old launch', true)], null));
    fake.use(list.handler);
    const page = resultJson<{ items: Array<{ archived: boolean }> }>(
      await callTool('list_projects', { teamGid: '1200000000000020', includeArchived: true }),
    );
    expect(list.received[0]?.query).toEqual(expect.objectContaining({ team: '1200000000000020' }));
    expect(list.received[0]?.query).not.toHaveProperty('archived');
    expect(list.received[0]?.query).not.toHaveProperty('workspace');
    expect(page.items).toEqual([expect.objectContaining({ archived: true })]);
  });

  it.each([
    ['neither', {}],
    ['both', { workspaceGid: '1200000000000010', teamGid: '1200000000000020' }],
  ])('refuses %s of workspaceGid and teamGid before calling Asana', async (_label, args) => {
    expect(resultError(await callTool('list_projects', args))).toBe('invalid_input: give exactly one of workspaceGid or teamGid');
  });

  it("turns a 404 (unknown workspace) into not_found with Asana's message", async () => {
    fake.use(route('get', '/projects', () => asanaError(404, 'workspace: Unknown object: 999')).handler);
    expect(resultError(await callTool('list_projects', { workspaceGid: '999' }))).toBe(
      'not_found: Asana found nothing there (HTTP 404): workspace: Unknown object: 999.',
    );
  });

  it('turns a 403 (a team the token cannot see) into forbidden', async () => {
    fake.use(route('get', '/projects', () => asanaError(403, 'You do not have access to this team')).handler);
    expect(resultError(await callTool('list_projects', { teamGid: '1200000000000021' }))).toBe(
      'forbidden: Asana denied access (HTTP 403): You do not have access to this team.',
    );
  });
});
