import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, portkeyList, route } from './fake-upstream';
import { costGraph, modelGroup, requestsGraph, window } from './fixtures/portkey';

describe('analytics', () => {
  const fake = useFakeUpstream();

  it('get_cost_analytics sends the window and filters as Portkey names them and returns cents', async () => {
    const graph = route('get', '/analytics/graphs/cost', () => HttpResponse.json(costGraph));
    fake.use(graph.handler);
    const result = await callTool('get_cost_analytics', { ...window, workspaceSlug: 'ws-team', virtualKeys: ['vk-a', 'vk-b'], configs: ['pc-prod'], metadata: { env: 'prod' } });
    expect(resultJson(result)).toEqual({
      totalCents: 1250,
      avgCentsPerRequest: 3,
      dataPoints: [
        { timestamp: '2026-11-01T00:00:00.000Z', totalCents: 500, avgCents: 2 },
        { timestamp: '2026-11-02T00:00:00.000Z', totalCents: 750, avgCents: 4 },
      ],
      omittedPoints: 0,
    });
    expect(graph.received[0]?.query).toEqual({
      time_of_generation_min: window.from,
      time_of_generation_max: window.to,
      workspace_slug: 'ws-team',
      virtual_keys: 'vk-a,vk-b',
      configs: 'pc-prod',
      metadata: '{"env":"prod"}',
    });
  });

  it('get_cost_analytics keeps the last 200 buckets of a long series and says how many it left out', async () => {
    const points = Array.from({ length: 250 }, (_, index) => ({ timestamp: new Date(Date.UTC(2026, 0, 1, index)).toISOString(), total: index, avg: 1 }));
    fake.use(route('get', '/analytics/graphs/cost', () => HttpResponse.json({ ...costGraph, data_points: points })).handler);
    const result = resultJson(await callTool('get_cost_analytics', window)) as { dataPoints: { totalCents: number }[]; omittedPoints: number };
    expect(result.dataPoints).toHaveLength(200);
    expect(result.dataPoints[0]?.totalCents).toBe(50);
    expect(result.omittedPoints).toBe(50);
  });

  it('refuses a window whose end is before its start, and a date without an offset', async () => {
    expect(resultError(await callTool('get_cost_analytics', { from: window.to, to: window.from }))).toBe('invalid_input: from must be before to.');
    expect(resultError(await callTool('get_cost_analytics', { from: '2026-11-01', to: window.to }))).toMatch(/^invalid_input: .*at from/s);
  });

  it('get_request_analytics by time returns total requests and buckets', async () => {
    fake.use(route('get', '/analytics/graphs/requests', () => HttpResponse.json(requestsGraph)).handler);
    expect(resultJson(await callTool('get_request_analytics', window))).toEqual({
      groupBy: 'time',
      totalRequests: 420,
      dataPoints: [
        { timestamp: '2026-11-01T00:00:00.000Z', requests: 200 },
        { timestamp: '2026-11-02T00:00:00.000Z', requests: 220 },
      ],
      omittedPoints: 0,
    });
  });

  it('get_request_analytics by model pages the groups over two pages', async () => {
    const groups = route('get', '/analytics/groups/ai-models', ({ query }) =>
      query['current_page'] === '0' ? portkeyList([modelGroup('gpt-4o', '300')], 2) : portkeyList([modelGroup('claude-sonnet', '120')], 2),
    );
    fake.use(groups.handler);
    const first = resultJson(await callTool('get_request_analytics', { ...window, groupBy: 'model', limit: 1 })) as { groups: unknown[]; nextCursor?: string };
    expect(first.groups).toEqual([{ ai_model: 'gpt-4o', requests: '300' }]);
    const second = resultJson(await callTool('get_request_analytics', { ...window, groupBy: 'model', limit: 1, cursor: first.nextCursor })) as typeof first;
    expect(second.groups).toEqual([{ ai_model: 'claude-sonnet', requests: '120' }]);
    expect(second.nextCursor).toBeUndefined();
    expect(groups.received.map(({ query }) => query['current_page'])).toEqual(['0', '1']);
  });

  it('get_request_analytics by metadata reads /analytics/groups/metadata/{key} and needs the key', async () => {
    const groups = route('get', '/analytics/groups/metadata/env', () => portkeyList([{ metadata_value: 'prod', requests: 12, cost: 40, object: 'analytics-group' }]));
    fake.use(groups.handler);
    expect(resultJson(await callTool('get_request_analytics', { ...window, groupBy: 'metadata', metadataKey: 'env' }))).toEqual({
      groupBy: 'metadata',
      groups: [{ metadata_value: 'prod', requests: 12, cost: 40 }],
      total: 1,
    });
    expect(resultError(await callTool('get_request_analytics', { ...window, groupBy: 'metadata' }))).toBe('invalid_input: groupBy "metadata" needs metadataKey, e.g. "env".');
  });
});
