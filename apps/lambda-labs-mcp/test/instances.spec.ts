import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { US_WEST, callTool, lambdaData, lambdaError, lambdaInstance, route } from './fake-upstream';

describe('list_instances', () => {
  const fake = useFakeUpstream();

  it('returns compact instances without Jupyter tokens or URLs, filtered by status and region', async () => {
    fake.use(route('get', '/instances', () => lambdaData([
      lambdaInstance('i-1'),
      lambdaInstance('i-2', { status: 'booting' }),
      lambdaInstance('i-3', { region: US_WEST }),
    ])).handler);

    const all = await callTool('list_instances', {});
    expect(JSON.stringify(resultJson(all))).not.toMatch(/jupyter/i);
    expect((resultJson(all) as { items: unknown[] }).items[0]).toEqual({
      id: 'i-1', name: 'train-i-1', status: 'active', ip: '198.51.100.2', privateIp: '10.0.2.100',
      hostname: '198-51-100-2.cloud.lambda.ai', region: 'us-east-1', instanceType: 'gpu_1x_a10',
      gpuDescription: 'A10 (24 GB PCIe)', pricePerHourUsd: 0.75, sshKeyNames: ['laptop'], fileSystemNames: [],
    });

    const filtered = resultJson(await callTool('list_instances', { status: 'active', region: 'us-east-1' })) as { items: { id: string }[] };
    expect(filtered.items.map((item) => item.id)).toEqual(['i-1']);
  });

  it('pages over two pages', async () => {
    fake.use(route('get', '/instances', () => lambdaData(['a', 'b', 'c'].map((id) => lambdaInstance(id)))).handler);

    const first = resultJson(await callTool('list_instances', { limit: 2 })) as { items: { id: string }[]; nextCursor?: string };
    const second = resultJson(await callTool('list_instances', { limit: 2, cursor: first.nextCursor })) as typeof first;

    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('403 (inactive account): forbidden with what to do', async () => {
    fake.use(route('get', '/instances', () => lambdaError(403, 'global/account-inactive', 'Your account is inactive.')).handler);

    expect(resultError(await callTool('list_instances', {}))).toMatch(/^forbidden: Lambda Cloud denied access \(HTTP 403\): Your account is inactive \(global\/account-inactive\)\. The Lambda Cloud account is inactive: fix billing/);
  });
});

describe('get_instance', () => {
  const fake = useFakeUpstream();

  it('reads one instance by its encoded id', async () => {
    const upstream = route('get', '/instances/i-42', () => lambdaData(lambdaInstance('i-42')));
    fake.use(upstream.handler);

    expect(resultJson(await callTool('get_instance', { instanceId: 'i-42' }))).toMatchObject({ id: 'i-42', status: 'active' });
    expect(upstream.received).toHaveLength(1);
  });

  it('404: not_found with the code and a pointer to list_instances', async () => {
    fake.use(route('get', '/instances/nope', () => lambdaError(404, 'global/object-does-not-exist', 'Specified instance does not exist.')).handler);

    expect(resultError(await callTool('get_instance', { instanceId: 'nope' }))).toBe(
      'not_found: Lambda Cloud found nothing there (HTTP 404): Specified instance does not exist (global/object-does-not-exist). Check the id or name with the matching list tool.',
    );
  });
});
