import { HttpResponse, connectInMemory, resultError, useFakeUpstream, type InMemoryConnection } from '@sophia/mcp-testing';
import { createOpenrouterSearchApp } from '../src/app';
import { API_KEY, configuredEnv, json, modelsRoute, openrouterError, route } from './fake-upstream';
import { CATALOGUE, model } from './fixtures/openrouter';

/**
 * The model catalogue is fetched once per process and kept for OPENROUTER_MODELS_TTL_SECONDS.
 * One server (one connection) stands for one process; its clock is injected, so expiry is proven
 * by moving time, not by sleeping.
 */
describe('the cached model catalogue', () => {
  const fake = useFakeUpstream();
  let clock: number;
  let connection: InMemoryConnection;
  const T0 = Date.parse('2026-01-01T12:00:00Z');

  const connect = async (env: Record<string, string> = {}) => {
    clock = T0;
    connection = await connectInMemory(createOpenrouterSearchApp({ now: () => clock }), { env: { ...configuredEnv, OPENROUTER_MODELS_TTL_SECONDS: '600', ...env } });
  };
  const call = (name: string, args: Record<string, unknown> = {}) => connection.client.callTool({ name, arguments: args });
  afterEach(() => connection?.close());

  it('answers many searches, lookups, comparisons and recommendations from ONE upstream /models request', async () => {
    const models = modelsRoute();
    fake.use(models.handler);
    await connect();

    await call('search_models', { query: 'gpt' });
    await call('search_models', { requiredParameters: ['tools'], sort: 'price' });
    await call('search_models', { provider: 'google' });
    await call('get_model', { id: 'openai/gpt-4o' });
    await call('compare_models', { ids: ['openai/gpt-4o', 'anthropic/claude-sonnet-4'] });
    await call('recommend_models', { requiredParameters: ['tools'] });

    expect(models.received).toHaveLength(1);
    expect(models.received[0]).toMatchObject({ method: 'GET', path: '/api/v1/models', query: { output_modalities: 'all' } });
    expect(models.received[0].headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('says how old the cached copy is, and fetches again only once the TTL has passed', async () => {
    const models = modelsRoute();
    fake.use(models.handler);
    await connect();

    expect(json(await call('search_models', {})).catalog).toEqual({ fetchedAt: '2026-01-01T12:00:00.000Z', ageSeconds: 0, ttlSeconds: 600, models: CATALOGUE.length });

    clock = T0 + 599_000;
    expect(json(await call('get_model', { id: 'openai/gpt-4o' })).catalog).toMatchObject({ ageSeconds: 599, fetchedAt: '2026-01-01T12:00:00.000Z' });
    expect(models.received).toHaveLength(1);

    clock = T0 + 600_000;
    expect(json(await call('search_models', {})).catalog).toMatchObject({ ageSeconds: 0, fetchedAt: '2026-01-01T12:10:00.000Z' });
    expect(models.received).toHaveLength(2);
  });

  it('serves what the refreshed catalogue says after expiry (a new model appears)', async () => {
    const models = route('get', '/models', (_request, call) =>
      HttpResponse.json({ data: call === 1 ? CATALOGUE : [...CATALOGUE, model('acme/brand-new', { name: 'Acme: Brand New' })] }),
    );
    fake.use(models.handler);
    await connect();

    expect(resultError(await call('get_model', { id: 'acme/brand-new' }))).toMatch(/^not_found: No OpenRouter model has the id "acme\/brand-new"/);
    clock = T0 + 601_000;
    expect(json(await call('get_model', { id: 'acme/brand-new' })).model).toMatchObject({ id: 'acme/brand-new', name: 'Acme: Brand New' });
    expect(models.received).toHaveLength(2);
  });

  it('shares one fetch between concurrent calls on a cold cache', async () => {
    const models = route('get', '/models', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return HttpResponse.json({ data: CATALOGUE });
    });
    fake.use(models.handler);
    await connect();

    const results = await Promise.all([call('search_models', { query: 'gpt' }), call('get_model', { id: 'openai/gpt-4o' }), call('recommend_models', {})]);

    expect(results.map((result) => result.isError ?? false)).toEqual([false, false, false]);
    expect(models.received).toHaveLength(1);
  });

  it('does not keep a failed fetch: the next call fetches again', async () => {
    const models = route('get', '/models', (_request, call) => (call === 1 ? openrouterError(500, 'Internal Server Error') : HttpResponse.json({ data: CATALOGUE })));
    fake.use(models.handler);
    await connect();

    expect(resultError(await call('search_models', {}))).toBe('upstream_error: OpenRouter failed (HTTP 500): Internal Server Error.');
    expect(json(await call('search_models', {})).total).toBeGreaterThan(0);
    expect(models.received).toHaveLength(2);
  });

  it('follows links.next (still asking for every output modality) when OpenRouter pages /models, all pages making one cached catalogue', async () => {
    const models = route('get', '/models', ({ query }) =>
      query['offset'] === '2'
        ? HttpResponse.json({ data: CATALOGUE.slice(2) })
        : HttpResponse.json({ data: CATALOGUE.slice(0, 2), links: { next: '/api/v1/models?offset=2&limit=2' } }),
    );
    fake.use(models.handler);
    await connect();

    expect(json(await call('search_models', {})).total).toBe(CATALOGUE.length);
    await call('search_models', { query: 'claude' });
    expect(models.received.map((request) => request.query)).toEqual([{ output_modalities: 'all' }, { output_modalities: 'all', offset: '2', limit: '2' }]);
  });

  it('reads its TTL from OPENROUTER_MODELS_TTL_SECONDS and refuses a bad value at start', async () => {
    const models = modelsRoute();
    fake.use(models.handler);
    await connect({ OPENROUTER_MODELS_TTL_SECONDS: '5' });
    await call('search_models', {});
    clock = T0 + 5_000;
    await call('search_models', {});
    expect(models.received).toHaveLength(2);
    await connection.close();

    await expect(connectInMemory(createOpenrouterSearchApp(), { env: { ...configuredEnv, OPENROUTER_MODELS_TTL_SECONDS: 'soon' } })).rejects.toThrow(/OPENROUTER_MODELS_TTL_SECONDS/);
  });
});
