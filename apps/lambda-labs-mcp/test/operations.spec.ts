import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { lambdaData, lambdaError, lambdaInstance, route, callTool, writeEnv } from './fake-upstream';

describe.each([
  ['restart_instance', 'restart', 'restarted_instances', 'active'],
  ['terminate_instance', 'terminate', 'terminated_instances', 'terminating'],
] as const)('%s', (tool, operation, field, status) => {
  const fake = useFakeUpstream();
  const path = `/instance-operations/${operation}`;

  it(`POSTs { instance_ids: [id] } to ${path} once and returns the instance without its Jupyter token`, async () => {
    const upstream = route('post', path, () => lambdaData({ [field]: [lambdaInstance('i-7', { status })] }));
    fake.use(upstream.handler);

    const result = await callTool(tool, { instanceId: 'i-7' }, writeEnv);

    expect(resultJson(result)).toMatchObject({ instances: [{ id: 'i-7', status }] });
    expect(JSON.stringify(resultJson(result))).not.toMatch(/jupyter/i);
    expect(upstream.received.map(({ method, body }) => ({ method, body }))).toEqual([{ method: 'POST', body: { instance_ids: ['i-7'] } }]);
  });

  it('is never sent twice: a 502 is reported, not retried', async () => {
    const upstream = route('post', path, () => lambdaError(502, 'provider/internal-unavailable', 'Provider unavailable'));
    fake.use(upstream.handler);

    expect(resultError(await callTool(tool, { instanceId: 'i-7' }, writeEnv))).toMatch(/^upstream_error: Lambda Cloud failed \(HTTP 502\)/);
    expect(upstream.received).toHaveLength(1);
  });

  it('404 for an unknown instance: not_found with the code', async () => {
    fake.use(route('post', path, () => lambdaError(404, 'global/object-does-not-exist', 'Specified instance does not exist.')).handler);

    expect(resultError(await callTool(tool, { instanceId: 'gone' }, writeEnv))).toMatch(/^not_found: .*\(global\/object-does-not-exist\)/);
  });
});
