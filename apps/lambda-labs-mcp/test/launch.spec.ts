import { connectInMemory, resultError, resultJson, servedTools, useFakeUpstream } from '@sophia/mcp-testing';
import { lambdaLabsApp } from '../src/app';
import { INSTANCE_TYPES, callTool, configuredEnv, lambdaData, lambdaError, route, writeEnv } from './fake-upstream';

const LAUNCH = '/instance-operations/launch';
const launchArgs = { instanceType: 'gpu_1x_a10', region: 'us-east-1', sshKeyName: 'laptop' };

const typesRoute = () => route('get', '/instance-types', () => lambdaData(INSTANCE_TYPES));

describe('the write tools and the fleet write policy', () => {
  const writes = ['launch_instance', 'restart_instance', 'terminate_instance'];

  it('are off by default, served with MCP_ALLOW_DESTRUCTIVE=true, and never in read-only mode', async () => {
    const byDefault = await servedTools(lambdaLabsApp, configuredEnv);
    expect(byDefault).toContain('list_instances');
    expect(byDefault.filter((name) => writes.includes(name))).toEqual([]);
    expect((await servedTools(lambdaLabsApp, writeEnv)).filter((name) => writes.includes(name))).toEqual(writes);
    expect((await servedTools(lambdaLabsApp, { ...writeEnv, MCP_READ_ONLY: 'true' })).filter((name) => writes.includes(name))).toEqual([]);
  });

  it('cannot be called while off: the server does not know them', async () => {
    await expect(callTool('launch_instance', launchArgs)).rejects.toThrow('Tool launch_instance not found');
  });
});

describe('launch_instance', () => {
  const fake = useFakeUpstream();

  it('launches exactly one instance with exactly one SSH key, within the cap, and says what it costs', async () => {
    const types = typesRoute();
    const launch = route('post', LAUNCH, () => lambdaData({ instance_ids: ['0920582c7ff041399e34823a0be62549'] }));
    fake.use(types.handler, launch.handler);

    const result = await callTool('launch_instance', { ...launchArgs, name: 'train', fileSystemName: 'data' }, writeEnv);

    expect(resultJson(result)).toEqual({
      instanceIds: ['0920582c7ff041399e34823a0be62549'], instanceType: 'gpu_1x_a10', region: 'us-east-1', pricePerHourUsd: 0.75, maxHourlyUsd: 2,
    });
    expect(launch.received.map(({ body }) => body)).toEqual([
      { region_name: 'us-east-1', instance_type_name: 'gpu_1x_a10', ssh_key_names: ['laptop'], file_system_names: ['data'], quantity: 1, name: 'train' },
    ]);
  });

  it('is refused without LAMBDA_MAX_HOURLY_USD, naming it, and sends nothing', async () => {
    const types = typesRoute();
    const launch = route('post', LAUNCH, () => lambdaData({ instance_ids: ['x'] }));
    fake.use(types.handler, launch.handler);
    const { LAMBDA_MAX_HOURLY_USD: _cap, ...withoutCap } = writeEnv;

    for (const env of [withoutCap, { ...writeEnv, LAMBDA_MAX_HOURLY_USD: '' }]) {
      expect(resultError(await callTool('launch_instance', launchArgs, env))).toMatch(/^not_configured: launch_instance is not configured: set LAMBDA_MAX_HOURLY_USD .*every launch is refused/);
    }
    expect(types.received).toHaveLength(0);
    expect(launch.received).toHaveLength(0);
  });

  it('is refused above the price cap, naming both prices, and sends no launch', async () => {
    const launch = route('post', LAUNCH, () => lambdaData({ instance_ids: ['x'] }));
    fake.use(typesRoute().handler, launch.handler);

    const error = resultError(await callTool('launch_instance', { ...launchArgs, instanceType: 'gpu_8x_h100_sxm5', region: 'us-west-1' }, writeEnv));

    expect(error).toBe(
      'forbidden: gpu_8x_h100_sxm5 costs $23.92/h, above the LAMBDA_MAX_HOURLY_USD cap of $2/h: nothing was launched. ' +
        'Pick a cheaper type (find_cheapest_available with maxHourlyUsd 2) or ask the operator to raise the cap.',
    );
    expect(launch.received).toHaveLength(0);
  });

  it('a type priced exactly at the cap is allowed', async () => {
    const launch = route('post', LAUNCH, () => lambdaData({ instance_ids: ['i-1'] }));
    fake.use(typesRoute().handler, launch.handler);

    const result = await callTool('launch_instance', { ...launchArgs, instanceType: 'gpu_1x_a100_sxm4', region: 'us-west-1' }, { ...writeEnv, LAMBDA_MAX_HOURLY_USD: '1.29' });

    expect(resultJson(result)).toMatchObject({ instanceIds: ['i-1'], pricePerHourUsd: 1.29 });
    expect(launch.received).toHaveLength(1);
  });

  it('names the regions that have capacity when the chosen one has none, without sending a launch', async () => {
    const launch = route('post', LAUNCH, () => lambdaData({ instance_ids: ['x'] }));
    fake.use(typesRoute().handler, launch.handler);

    expect(resultError(await callTool('launch_instance', { ...launchArgs, instanceType: 'gpu_1x_a100_sxm4', region: 'us-east-1' }, writeEnv))).toBe(
      'conflict: Lambda Cloud has no capacity for gpu_1x_a100_sxm4 in us-east-1 right now; nothing was launched. Regions with capacity for it now: europe-central-1, us-west-1.',
    );
    expect(resultError(await callTool('launch_instance', { ...launchArgs, instanceType: 'gpu_1x_h100_pcie' }, { ...writeEnv, LAMBDA_MAX_HOURLY_USD: '5' }))).toMatch(/No region has capacity for it now: try another type/);
    expect(launch.received).toHaveLength(0);
  });

  it("maps Lambda's insufficient-capacity answer (capacity gone since the look) to the regions that had it, sent once", async () => {
    const launch = route('post', LAUNCH, () =>
      lambdaError(400, 'instance-operations/launch/insufficient-capacity', 'Not enough capacity to fulfill launch request.'),
    );
    fake.use(typesRoute().handler, launch.handler);

    expect(resultError(await callTool('launch_instance', launchArgs, writeEnv))).toMatch(/^conflict: Lambda Cloud has no capacity for gpu_1x_a10 in us-east-1 right now; .*Regions with capacity for it now: us-west-1\.$/);
    expect(launch.received).toHaveLength(1);
  });

  it('refuses an unknown type with examples, without sending a launch', async () => {
    const launch = route('post', LAUNCH, () => lambdaData({ instance_ids: ['x'] }));
    fake.use(typesRoute().handler, launch.handler);

    expect(resultError(await callTool('launch_instance', { ...launchArgs, instanceType: 'gpu_1x_nope' }, writeEnv))).toMatch(/^invalid_input: instanceType "gpu_1x_nope" is not a Lambda Cloud instance type \(e\.g\. gpu_1x_a10, /);
    expect(launch.received).toHaveLength(0);
  });

  it.each([
    ['a 503', () => lambdaError(503, 'provider/internal-unavailable', 'Provider unavailable'), /^upstream_error: Lambda Cloud failed \(HTTP 503\)/],
    ['a 429 with a short Retry-After', () => lambdaError(429, 'global/rate-limited', 'Too many requests', { headers: { 'retry-after': '1' } }), /^rate_limited: .*Retry after 1s\.$/],
    ['a dropped connection', () => Response.error(), /^upstream_error: could not reach Lambda Cloud/],
  ])('is never sent twice: %s is reported, not retried', async (_case, answer, expected) => {
    const launch = route('post', LAUNCH, answer);
    fake.use(typesRoute().handler, launch.handler);

    expect(resultError(await callTool('launch_instance', launchArgs, writeEnv))).toMatch(expected);
    expect(launch.received).toHaveLength(1);
  });

  it('paces launches to one per 12 s: a second one that cannot get its turn before the call ends fails at once, unsent', async () => {
    const launch = route('post', LAUNCH, (_request, call) => lambdaData({ instance_ids: [`i-${call}`] }));
    fake.use(typesRoute().handler, launch.handler);
    const { client, close } = await connectInMemory(lambdaLabsApp, { env: { ...writeEnv, MCP_TOOL_TIMEOUT_MS: '5000' } });
    try {
      const first = await client.callTool({ name: 'launch_instance', arguments: launchArgs });
      const started = Date.now();
      const second = await client.callTool({ name: 'launch_instance', arguments: launchArgs });

      expect(resultJson(first)).toMatchObject({ instanceIds: ['i-1'] });
      expect(resultError(second)).toMatch(/^rate_limited: Lambda Cloud requests are paced to .* client-side .*Retry after 1[12]s\.$/);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(launch.received).toHaveLength(1);
    } finally {
      await close();
    }
  });
});
