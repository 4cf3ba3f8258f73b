import { useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, json, modelsRoute } from './fake-upstream';
import { model } from './fixtures/openrouter';

describe('recommend_models', () => {
  const fake = useFakeUpstream();
  beforeEach(() => fake.use(modelsRoute().handler));
  const recommend = async (args: Record<string, unknown>) => json(await callTool('recommend_models', args));

  it('ranks only models meeting the constraints, each with its cost per request and a one-line trade-off', async () => {
    const result = await recommend({ requiredParameters: ['tools'], inputModalities: ['image'], priority: 'cheapest' });
    expect(result.candidates).toBe(4);
    expect(result.recommendations.map((r: { id: string }) => r.id)).toEqual(['openai/gpt-4o-mini', 'google/gemini-2.5-flash', 'openai/gpt-4o', 'anthropic/claude-sonnet-4']);
    expect(result.recommendations[0]).toMatchObject({
      rank: 1,
      name: 'OpenAI: GPT-4o-mini',
      // 2000 prompt tokens at $0.15/M + 500 completion tokens at $0.60/M
      estimatedCostPerRequestUsd: 0.0006,
      pricePerMillion: { prompt: 0.15, completion: 0.6 },
      contextLength: 128000,
      supports: ['tools', 'structured_outputs', 'response_format'],
    });
    for (const r of result.recommendations) expect(r.tradeOff).toMatch(/^\$[\d.]+\/\$[\d.]+ per M in\/out \(~\$[\d.e-]+ a request\), \d+k context; [^\n]+\.$/);
    expect(result.recommendations[0].tradeOff).toContain('cheap');
    expect(result.recommendations[3].tradeOff).toContain('but pricey');
  });

  it('follows the priority: largest context or newest first', async () => {
    const byContext = await recommend({ requiredParameters: ['tools'], priority: 'largest_context' });
    expect(byContext.recommendations[0].id).toBe('google/gemini-2.5-flash');
    const byDate = await recommend({ priority: 'newest', limit: 1 });
    expect(byDate.recommendations.map((r: { id: string }) => r.id)).toEqual(['google/gemini-2.5-flash-image']);
  });

  it('keeps to the budget per request for the stated request size, and leaves variable-price routers out', async () => {
    const result = await recommend({ maxCostPerRequestUsd: 0.002, expectedPromptTokens: 1000, expectedCompletionTokens: 100, limit: 10 });
    // Left out: openai/gpt-4o (1000 × $2.5/M + 100 × $10/M = $0.0035), anthropic/claude-sonnet-4 ($0.0045), openrouter/auto (variable).
    expect(result.recommendations.map((r: { id: string }) => r.id).sort()).toEqual([
      'google/gemini-2.5-flash',
      'google/gemini-2.5-flash-image',
      'meta-llama/llama-3.3-70b-instruct:free',
      'openai/gpt-4o-mini',
    ]);
    expect(result.recommendations.find((r: { id: string }) => r.id.endsWith(':free')).tradeOff).toContain('(free variant: tight rate limits)');
  });

  it('considers only text-producing models unless another output is asked for', async () => {
    fake.use(modelsRoute([model('acme/embed', { output: ['embeddings'], prompt: '0.00000001', completion: '0' }), model('acme/chat')]).handler);
    expect((await recommend({})).recommendations.map((r: { id: string }) => r.id)).toEqual(['acme/chat']);
    expect((await recommend({ outputModalities: ['embeddings'] })).recommendations.map((r: { id: string }) => r.id)).toEqual(['acme/embed']);
  });

  it('matches task words and says which constraint to relax when nothing qualifies', async () => {
    expect((await recommend({ task: 'coding' })).recommendations.map((r: { id: string }) => r.id).sort()).toEqual(['anthropic/claude-sonnet-4', 'openai/gpt-4o']);
    const none = await recommend({ task: 'coding', maxPromptPricePerMillion: 1 });
    expect(none).toMatchObject({ candidates: 0, recommendations: [] });
    expect(none.advice).toBe('No model meets every constraint. Relaxing task alone would allow 4; maxPromptPricePerMillion alone would allow 2.');
  });
});
