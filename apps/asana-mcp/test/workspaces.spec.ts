import { resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaData, callTool, configuredEnv, route } from './fake-upstream';
import { workspace } from './fixtures/asana';

describe('list_workspaces', () => {
  const fake = useFakeUpstream();

  it('sends the token and only the fields we return, and returns compact workspaces', async () => {
    const list = route('get', '/workspaces', () =>
      asanaData([workspace('1200000000000010', 'My Company Workspace'), workspace('1200000000000011', 'Personal Projects', false)], null),
    );
    fake.use(list.handler);
    const result = await callTool('list_workspaces', {});

    expect(list.received[0]?.headers.get('authorization')).toBe(`Bearer ${configuredEnv.ASANA_TOKEN}`);
    expect(list.received[0]?.query).toEqual({ limit: '30', opt_fields: 'name,is_organization' });
    expect(resultJson(result)).toEqual({
      items: [
        { gid: '1200000000000010', name: 'My Company Workspace', isOrganization: true },
        { gid: '1200000000000011', name: 'Personal Projects', isOrganization: false },
      ],
    });
  });
});
