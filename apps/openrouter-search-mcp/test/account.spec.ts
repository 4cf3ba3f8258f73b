import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, json, openrouterError, route } from './fake-upstream';
import { CREDITS, KEY, provider } from './fixtures/openrouter';

describe('list_providers', () => {
  const fake = useFakeUpstream();
  const providers = () =>
    route('get', '/providers', () =>
      HttpResponse.json({ data: [provider('OpenAI'), provider('Together', ['US']), provider('Nebius AI Studio', ['FI', 'NL']), provider('Mistral', ['FR', 'DE']), provider('Azure', ['US', 'DE'])] }),
    );

  it('lists providers by name with their routing slug, datacenters and policies', async () => {
    fake.use(providers().handler);
    const result = json(await callTool('list_providers', {}));
    expect(result.total).toBe(5);
    expect(result.items.map((p: { name: string }) => p.name)).toEqual(['Azure', 'Mistral', 'Nebius AI Studio', 'OpenAI', 'Together']);
    expect(result.items[2]).toEqual({
      name: 'Nebius AI Studio',
      slug: 'nebius-ai-studio',
      headquarters: 'US',
      datacenters: ['FI', 'NL'],
      privacyPolicyUrl: 'https://nebius-ai-studio.example/privacy',
      termsOfServiceUrl: 'https://nebius-ai-studio.example/terms',
      statusPageUrl: null,
    });
  });

  it('filters by text and datacenter country', async () => {
    fake.use(providers().handler);
    expect(json(await callTool('list_providers', { datacenter: 'de' })).items.map((p: { slug: string }) => p.slug)).toEqual(['azure', 'mistral']);
    expect(json(await callTool('list_providers', { query: 'NEBIUS' })).items.map((p: { slug: string }) => p.slug)).toEqual(['nebius-ai-studio']);
  });

  it('pages across two pages with the cursor', async () => {
    fake.use(providers().handler);
    const first = json(await callTool('list_providers', { limit: 3 }));
    const second = json(await callTool('list_providers', { limit: 3, cursor: first.nextCursor }));
    expect([...first.items, ...second.items].map((p: { slug: string }) => p.slug)).toEqual(['azure', 'mistral', 'nebius-ai-studio', 'openai', 'together']);
    expect(second.nextCursor).toBeUndefined();
  });
});

describe('get_key_usage', () => {
  const fake = useFakeUpstream();

  it("reports the key's spend, limit and reset from GET /key", async () => {
    const key = route('get', '/key', () => HttpResponse.json(KEY));
    fake.use(key.handler);
    expect(json(await callTool('get_key_usage', {}))).toEqual({
      label: 'sk-or-v1-au7...890',
      usageUsd: { total: 25.5, daily: 1.25, weekly: 7.5, monthly: 25.5, byok: 17.38 },
      limitUsd: 100,
      limitRemainingUsd: 74.5,
      limitReset: 'monthly',
      isFreeTier: false,
      isManagementKey: false,
      expiresAt: '2027-12-31T23:59:59Z',
    });
    expect(key.received).toHaveLength(1);
  });

  it('says "no limit" as null', async () => {
    fake.use(route('get', '/key', () => HttpResponse.json({ data: { ...KEY.data, limit: null, limit_remaining: null, limit_reset: null } })).handler);
    expect(json(await callTool('get_key_usage', {}))).toMatchObject({ limitUsd: null, limitRemainingUsd: null, limitReset: null });
  });
});

describe('get_credits', () => {
  const fake = useFakeUpstream();

  it('reports credits bought, used and remaining', async () => {
    fake.use(route('get', '/credits', () => HttpResponse.json(CREDITS)).handler);
    expect(json(await callTool('get_credits', {}))).toEqual({ totalCreditsUsd: 100.5, totalUsageUsd: 25.75, remainingUsd: 74.75 });
  });

  it('says a management key is needed when OpenRouter refuses an ordinary one', async () => {
    fake.use(route('get', '/credits', () => openrouterError(403, 'Only management keys can perform this operation')).handler);
    expect(resultError(await callTool('get_credits', {}))).toBe(
      'forbidden: OpenRouter denied access (HTTP 403): Only management keys can perform this operation. GET /credits needs an OpenRouter management key (openrouter.ai/settings/management-keys) in OPENROUTER_API_KEY; get_key_usage works with an ordinary key.',
    );
  });
});
