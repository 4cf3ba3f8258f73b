import { resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, portkeyList, route } from './fake-upstream';
import { apiKey, virtualKey, workspace } from './fixtures/portkey';

describe('keys and workspaces', () => {
  const fake = useFakeUpstream();

  it('list_virtual_keys pages with current_page/page_size across two pages and returns limits and status', async () => {
    const list = route('get', '/virtual-keys', ({ query }) =>
      query['current_page'] === '0' ? portkeyList([virtualKey('vk-a'), virtualKey('vk-b')], 3) : portkeyList([virtualKey('vk-c')], 3),
    );
    fake.use(list.handler);
    const first = resultJson(await callTool('list_virtual_keys', { limit: 2 })) as { items: unknown[]; nextCursor?: string };
    expect(first.items[0]).toEqual({
      slug: 'vk-a',
      name: 'Key vk-a',
      status: 'active',
      note: 'randomness',
      usageLimits: { creditLimit: 10, alertThreshold: 8, periodicReset: 'monthly' },
      rateLimits: [{ type: 'requests', unit: 'rpd', value: 123 }],
      expiresAt: '2027-11-07T05:31:56Z',
      createdAt: '2023-11-07T05:31:56Z',
    });
    const second = resultJson(await callTool('list_virtual_keys', { limit: 2, cursor: first.nextCursor })) as typeof first;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect(list.received.map(({ query }) => query)).toEqual([
      { current_page: '0', page_size: '2' },
      { current_page: '1', page_size: '2' },
    ]);
  });

  it('list_api_keys returns scopes and expiry, never the masked key', async () => {
    const list = route('get', '/api-keys', () => portkeyList([apiKey('f47ac10b-58cc-4372-a567-0e02b2c3d479')]));
    fake.use(list.handler);
    const result = resultJson(await callTool('list_api_keys', { workspaceId: 'ws-myworkspace' }));
    expect(result).toEqual({
      items: [{
        id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
        name: 'Development API Key',
        type: 'organisation-service',
        status: 'active',
        workspaceId: 'ws-myworkspace',
        scopes: ['completions.write'],
        usageLimits: { creditLimit: 10, alertThreshold: 8, periodicReset: 'monthly' },
        rateLimits: [{ type: 'requests', unit: 'rpm', value: 100 }],
        expiresAt: '2027-11-07T05:31:56Z',
        lastUpdatedAt: '2023-09-15T10:30:00Z',
      }],
      total: 1,
    });
    expect(JSON.stringify(result)).not.toContain('Xk*');
    expect(list.received[0]?.query).toEqual({ current_page: '0', page_size: '50', workspace_id: 'ws-myworkspace' });
  });

  it('list_workspaces reads /admin/workspaces with its name filter', async () => {
    const list = route('get', '/admin/workspaces', () => portkeyList([workspace('ws-team')]));
    fake.use(list.handler);
    expect(resultJson(await callTool('list_workspaces', { name: 'team' }))).toEqual({
      items: [{
        id: 'id-ws-team',
        slug: 'ws-team',
        name: 'Workspace ws-team',
        description: 'Team workspace',
        usageLimits: [{ creditLimit: 100, alertThreshold: 80, periodicReset: 'monthly' }],
        rateLimits: [{ type: 'requests', unit: 'rpm', value: 500 }],
        lastUpdatedAt: '2025-02-03T09:00:00Z',
      }],
      total: 1,
    });
    expect(list.received[0]?.query).toEqual({ current_page: '0', page_size: '50', name: 'team' });
  });
});
