import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { API_KEY, callTool, portkeyError, route, writeEnv } from './fake-upstream';
import { configBody, configSummary, configVersion } from './fixtures/portkey';

describe('configs', () => {
  const fake = useFakeUpstream();

  it('list_configs sends the key as x-portkey-api-key and pages the whole list Portkey returns', async () => {
    const all = ['a', 'b', 'c'].map((name) => configSummary(`pc-${name}`));
    const list = route('get', '/configs', () => HttpResponse.json({ success: true, data: all }));
    fake.use(list.handler);

    const first = resultJson(await callTool('list_configs', { limit: 2, workspaceId: 'ws-team' })) as { items: { slug: string }[]; nextCursor?: string; total: number };
    expect(first.items.map((config) => config.slug)).toEqual(['pc-a', 'pc-b']);
    expect(first.total).toBe(3);
    const second = resultJson(await callTool('list_configs', { limit: 2, workspaceId: 'ws-team', cursor: first.nextCursor })) as typeof first;
    expect(second.items).toEqual([{ slug: 'pc-c', name: 'Config pc-c', status: 'active', isDefault: false, workspaceId: configSummary('x').workspace_id, lastUpdatedAt: '2024-05-23T23:36:06.000Z' }]);
    expect(second.nextCursor).toBeUndefined();

    expect(list.received[0]?.headers.get('x-portkey-api-key')).toBe(API_KEY);
    expect(list.received[0]?.headers.get('authorization')).toBeNull();
    expect(list.received[0]?.query).toEqual({ workspace_id: 'ws-team' });
  });

  it('get_config returns the body and the newest versions', async () => {
    fake.use(
      route('get', '/configs/pc-prod', () => HttpResponse.json({ success: true, data: { config: configBody } })).handler,
      route('get', '/configs/pc-prod/versions', () =>
        HttpResponse.json({
          object: 'list',
          total: 3,
          data: [configVersion('pc-prod', 'v3', '2026-11-03T00:00:00.000Z'), configVersion('pc-prod', 'v2', '2026-11-02T00:00:00.000Z'), configVersion('pc-prod', 'v1', '2026-11-01T00:00:00.000Z')],
        }),
      ).handler,
    );
    const result = resultJson(await callTool('get_config', { slug: 'pc-prod', versionLimit: 2 }));
    expect(result).toEqual({
      slug: 'pc-prod',
      config: configBody,
      versions: [
        { versionId: 'v3', status: 'active', updatedBy: configSummary('x').updated_by, createdAt: '2026-11-03T00:00:00.000Z' },
        { versionId: 'v2', status: 'active', updatedBy: configSummary('x').updated_by, createdAt: '2026-11-02T00:00:00.000Z' },
      ],
      totalVersions: 3,
    });
  });

  it('get_config caps a huge config body as text with a marker', async () => {
    const huge = { targets: Array.from({ length: 2000 }, (_, index) => ({ provider: 'openai', virtual_key: `key-${index}-padding-padding` })) };
    fake.use(
      route('get', '/configs/pc-big', () => HttpResponse.json({ success: true, data: { config: huge } })).handler,
      route('get', '/configs/pc-big/versions', () => HttpResponse.json({ object: 'list', total: 0, data: [] })).handler,
    );
    const result = resultJson(await callTool('get_config', { slug: 'pc-big' })) as { config?: unknown; configText: string };
    expect(result.config).toBeUndefined();
    expect(result.configText.length).toBeLessThan(20_200);
    expect(result.configText).toContain('[truncated:');
  });

  it('get_config: an unknown slug → not_found with Portkey\'s message; a path trick is refused before any request', async () => {
    fake.use(
      route('get', '/configs/pc-gone', () => portkeyError(404, 'Config not found', 'AB08')).handler,
      route('get', '/configs/pc-gone/versions', () => portkeyError(404, 'Config not found', 'AB08')).handler,
    );
    expect(resultError(await callTool('get_config', { slug: 'pc-gone' }))).toBe('not_found: Portkey found nothing there (HTTP 404): Config not found [AB08].');
    expect(resultError(await callTool('get_config', { slug: '../admin' }))).toMatch(/^invalid_input: .*at slug/s);
  });

  describe('update_config (write)', () => {
    it('is not served unless destructive tools are allowed', async () => {
      await expect(callTool('update_config', { slug: 'pc-prod', name: 'x' })).rejects.toThrow('Tool update_config not found');
    });

    it('PUTs the change once and returns the version it created', async () => {
      const update = route('put', '/configs/pc-prod', () => HttpResponse.json({ success: true, data: { version_id: 'abe447e2-f6aa-4229-93b7-8ee3183b6667' } }));
      fake.use(update.handler);
      const result = await callTool('update_config', { slug: 'pc-prod', config: { retry: { attempts: 3 } }, status: 'active' }, writeEnv);
      expect(resultJson(result)).toEqual({ slug: 'pc-prod', versionId: 'abe447e2-f6aa-4229-93b7-8ee3183b6667' });
      expect(update.received.map(({ method, body }) => ({ method, body }))).toEqual([{ method: 'PUT', body: { config: { retry: { attempts: 3 } }, status: 'active' } }]);
    });

    it.each([
      ['a 503', () => portkeyError(503, 'Service Unavailable')],
      ['a 429 with a short Retry-After', () => portkeyError(429, 'Rate limit exceeded', 'AB06', { 'retry-after': '0' })],
    ])('is never sent twice, even after %s', async (_label, answer) => {
      const update = route('put', '/configs/pc-prod', answer);
      fake.use(update.handler);
      expect((await callTool('update_config', { slug: 'pc-prod', name: 'Prod' }, writeEnv)).isError).toBe(true);
      expect(update.received).toHaveLength(1);
    });

    it('refuses an update with nothing to change without calling Portkey', async () => {
      expect(resultError(await callTool('update_config', { slug: 'pc-prod' }, writeEnv))).toBe('invalid_input: Nothing to update: pass config, name or status.');
    });
  });
});
