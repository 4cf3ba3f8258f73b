import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { INSTANCE_TYPES, US_EAST, callTool, lambdaData, lambdaError, route } from './fake-upstream';

const typesRoute = () => route('get', '/instance-types', () => lambdaData(INSTANCE_TYPES));
const names = (result: Awaited<ReturnType<typeof callTool>>) => (resultJson(result) as { items: { name: string }[] }).items.map((item) => item.name);

describe('list_instance_types', () => {
  const fake = useFakeUpstream();

  it('lists every type cheapest first with USD prices, specs and the regions with capacity now, over the Bearer key', async () => {
    const upstream = typesRoute();
    fake.use(upstream.handler);

    const result = await callTool('list_instance_types', {});

    expect(names(result)).toEqual(['gpu_1x_a10', 'gpu_1x_a100_sxm4', 'gpu_1x_h100_pcie', 'gpu_2x_a100', 'gpu_8x_h100_sxm5']);
    expect((resultJson(result) as { items: unknown[] }).items[0]).toEqual({
      name: 'gpu_1x_a10',
      description: '1x A10 (24 GB PCIe)',
      gpuDescription: 'A10 (24 GB PCIe)',
      pricePerHourUsd: 0.75,
      gpus: 1,
      vcpus: 30,
      memoryGib: 200,
      storageGib: 1400,
      regionsWithCapacity: ['us-east-1', 'us-west-1'],
    });
    expect(upstream.received[0]?.headers.get('authorization')).toBe('Bearer secret_lambda-test_0000000000000000');
  });

  it('onlyAvailable drops sold-out types; with a region, only types with capacity there', async () => {
    fake.use(typesRoute().handler);

    expect(names(await callTool('list_instance_types', { onlyAvailable: true }))).not.toContain('gpu_1x_h100_pcie');
    expect(names(await callTool('list_instance_types', { onlyAvailable: true, region: US_EAST.name }))).toEqual(['gpu_1x_a10', 'gpu_2x_a100']);
  });

  it('pages the whole list client-side with an opaque cursor, and refuses a foreign cursor', async () => {
    fake.use(typesRoute().handler);

    const first = resultJson(await callTool('list_instance_types', { limit: 3 })) as { items: { name: string }[]; total: number; nextCursor?: string };
    const second = resultJson(await callTool('list_instance_types', { limit: 3, cursor: first.nextCursor })) as typeof first;

    expect(first.total).toBe(5);
    expect([...first.items, ...second.items].map((item) => item.name)).toHaveLength(5);
    expect(new Set([...first.items, ...second.items].map((item) => item.name)).size).toBe(5);
    expect(second.nextCursor).toBeUndefined();
    expect(resultError(await callTool('list_instance_types', { cursor: 'not-ours' }))).toMatch(/^invalid_input: cursor is not valid/);
  });

  it('401: names the code and says to check LAMBDA_API_KEY', async () => {
    fake.use(route('get', '/instance-types', () => lambdaError(401, 'global/invalid-api-key', 'API key was invalid, expired, or deleted.')).handler);

    const error = resultError(await callTool('list_instance_types', {}));

    expect(error).toMatch(/^unauthorized: Lambda Cloud rejected the credentials \(HTTP 401\): API key was invalid, expired, or deleted \(global\/invalid-api-key\)/);
    expect(error).toContain('Set LAMBDA_API_KEY to a key from the Lambda Cloud dashboard');
  });

  it('retries a 503 once and succeeds (reads are retried)', async () => {
    const upstream = route('get', '/instance-types', (_request, call) =>
      call === 1 ? lambdaError(503, 'provider/internal-unavailable', 'Provider unavailable', { suggestion: 'Try again shortly' }) : lambdaData(INSTANCE_TYPES),
    );
    fake.use(upstream.handler);

    expect(names(await callTool('list_instance_types', {}))).toHaveLength(5);
    expect(upstream.received).toHaveLength(2);
  });

  it('429 with a short Retry-After is waited out; a long one fails at once as rate_limited naming it', async () => {
    const short = route('get', '/instance-types', (_request, call) =>
      call === 1 ? lambdaError(429, 'global/rate-limited', 'Too many requests', { headers: { 'retry-after': '1' } }) : lambdaData(INSTANCE_TYPES),
    );
    fake.use(short.handler);
    expect(names(await callTool('list_instance_types', {}))).toHaveLength(5);
    expect(short.received).toHaveLength(2);

    const long = route('get', '/instance-types', () => lambdaError(429, 'global/rate-limited', 'Too many requests', { headers: { 'retry-after': '60' } }));
    fake.use(long.handler);
    const started = Date.now();
    expect(resultError(await callTool('list_instance_types', {}))).toMatch(/^rate_limited: .*Retry after 60s\.$/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(long.received).toHaveLength(1);
  });

  it('a 2xx without Lambda\'s data envelope is an upstream_error, not an empty list', async () => {
    fake.use(route('get', '/instance-types', () => Response.json({ instance_types: [] })).handler);

    expect(resultError(await callTool('list_instance_types', {}))).toMatch(/^upstream_error: Lambda Cloud answered \/instance-types with an unexpected body/);
  });
});

describe('find_cheapest_available', () => {
  const fake = useFakeUpstream();

  it('picks the cheapest type with capacity now that meets every filter, with its regions and runners-up', async () => {
    fake.use(typesRoute().handler);

    const any = resultJson(await callTool('find_cheapest_available', {})) as { instanceType: { name: string }; launchRegions: string[]; alternatives: { name: string }[] };
    expect(any.instanceType.name).toBe('gpu_1x_a10');
    expect(any.launchRegions).toEqual(['us-east-1', 'us-west-1']);
    expect(any.alternatives.map((type) => type.name)).toEqual(['gpu_1x_a100_sxm4', 'gpu_2x_a100', 'gpu_8x_h100_sxm5']);

    const h100 = resultJson(await callTool('find_cheapest_available', { gpuModel: 'h100' })) as typeof any;
    expect(h100.instanceType.name).toBe('gpu_8x_h100_sxm5'); // the 1x H100 is sold out

    const twoGpusEast = resultJson(await callTool('find_cheapest_available', { minGpus: 2, region: 'us-east-1' })) as typeof any;
    expect(twoGpusEast.instanceType.name).toBe('gpu_2x_a100');
    expect(twoGpusEast.launchRegions).toEqual(['us-east-1']);
  });

  it('matches the GPU model as whole words: A10 is not A100, and every word must be there', async () => {
    fake.use(typesRoute().handler);

    const a10 = resultJson(await callTool('find_cheapest_available', { gpuModel: 'A10' })) as { instanceType: { name: string }; alternatives: unknown[] };
    expect(a10.instanceType.name).toBe('gpu_1x_a10');
    expect(a10.alternatives).toEqual([]);
    const sxm = resultJson(await callTool('find_cheapest_available', { gpuModel: 'a100 sxm4' })) as typeof a10;
    expect(sxm.instanceType.name).toBe('gpu_1x_a100_sxm4');
    expect(sxm.alternatives).toEqual([]);
  });

  it('found is false when nothing available meets the price', async () => {
    fake.use(typesRoute().handler);

    expect(resultJson(await callTool('find_cheapest_available', { gpuModel: 'H100', maxHourlyUsd: 10 }))).toEqual({ found: false, launchRegions: [], alternatives: [] });
  });
});

describe('list_images', () => {
  const fake = useFakeUpstream();

  it('filters by region and family and caps a long description with a marker', async () => {
    const image = (id: string, region: typeof US_EAST, family: string, description = 'Lambda Stack') => ({
      id, name: `${family}-${id}`, description, family, version: '22.04.3', architecture: 'x86_64',
      created_time: '2026-09-01T00:00:00Z', updated_time: '2026-09-01T00:00:00Z', region,
    });
    fake.use(route('get', '/images', () => lambdaData([
      image('img-1', US_EAST, 'lambda-stack-22-04', 'x'.repeat(5000)),
      image('img-2', US_EAST, 'ubuntu-22-04'),
      image('img-3', { name: 'us-west-1', description: 'California, USA' }, 'lambda-stack-22-04'),
    ])).handler);

    const page = resultJson(await callTool('list_images', { region: 'us-east-1', family: 'lambda-stack-22-04' })) as { items: { id: string; description: string }[]; total: number };

    expect(page.items.map((item) => item.id)).toEqual(['img-1']);
    expect(page.items[0]?.description.length).toBeLessThan(300);
    expect(page.items[0]?.description).toContain('[truncated: 4800 more characters not shown]');
  });
});
