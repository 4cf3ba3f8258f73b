import { HttpResponse, listedTools, resultError, servedTools, useFakeUpstream } from '@sophia/mcp-testing';
import { openrouterSearchApp } from '../src/app';
import { API_KEY, callTool, configuredEnv, json, openrouterError, route, writeEnv } from './fake-upstream';
import { chatCompletion } from './fixtures/openrouter';

describe('test_model (costs credits)', () => {
  const fake = useFakeUpstream();
  const completions = (respond: Parameters<typeof route>[2] = () => HttpResponse.json(chatCompletion('openai/gpt-4o-mini', 'ok'))) =>
    route('post', '/chat/completions', respond);

  it('is not served by default (write policy off) nor in read-only mode', async () => {
    for (const env of [configuredEnv, { ...writeEnv, MCP_READ_ONLY: 'true' }]) {
      expect(await servedTools(openrouterSearchApp, env)).not.toContain('test_model');
    }
  });

  it('is annotated destructive (it spends credits) when enabled', async () => {
    const tool = (await listedTools(openrouterSearchApp, writeEnv)).find((candidate) => candidate.name === 'test_model');
    expect(tool?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  });

  it('sends one short completion with the capped max_tokens and returns the generation id and cost', async () => {
    const chat = completions();
    fake.use(chat.handler);
    const result = json(await callTool('test_model', { model: 'openai/gpt-4o-mini', maxTokens: 8, provider: 'openai' }, writeEnv));
    expect(chat.received).toHaveLength(1);
    expect(chat.received[0].body).toEqual({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Reply with the single word: ok' }],
      max_tokens: 8,
      stream: false,
      provider: { order: ['openai'], allow_fallbacks: false },
    });
    expect(chat.received[0].headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(result).toEqual({
      generationId: 'gen-1735689600-AbCdEfGhIjKlMnOpQrSt',
      model: 'openai/gpt-4o-mini',
      provider: 'OpenAI',
      reply: 'ok',
      finishReason: 'stop',
      tokens: { prompt: 12, completion: 2 },
      costUsd: 0.0000215,
    });
  });

  it('refuses max_tokens above the hard cap without calling OpenRouter', async () => {
    expect(resultError(await callTool('test_model', { model: 'openai/gpt-4o-mini', maxTokens: 65 }, writeEnv))).toMatch(/^invalid_input: [\s\S]*at maxTokens/);
  });

  it.each([
    [503, 'No available provider'],
    [429, 'Rate limited'],
    [502, 'Provider returned error'],
  ])('is never retried: a %s is sent once and reported', async (status, message) => {
    const chat = completions(() => openrouterError(status, message, status === 429 ? { 'retry-after': '0' } : {}));
    fake.use(chat.handler);
    expect(resultError(await callTool('test_model', { model: 'openai/gpt-4o-mini' }, writeEnv))).toContain(message);
    expect(chat.received).toHaveLength(1);
  });

  it('explains a 402: too few credits, what to do', async () => {
    fake.use(completions(() => openrouterError(402, 'Insufficient credits. Add more using https://openrouter.ai/credits')).handler);
    expect(resultError(await callTool('test_model', { model: 'openai/gpt-4o-mini' }, writeEnv))).toBe(
      'forbidden: OpenRouter requires a paid plan for this (HTTP 402): Insufficient credits. Add more using https://openrouter.ai/credits. OpenRouter answers 402 when the account or this key has too few credits: add credits or raise the key limit (see get_key_usage).',
    );
  });

  it('caps a long reply with a marker', async () => {
    fake.use(completions(() => HttpResponse.json(chatCompletion('openai/gpt-4o-mini', 'y'.repeat(5000)))).handler);
    expect(json(await callTool('test_model', { model: 'openai/gpt-4o-mini' }, writeEnv)).reply).toMatch(/^y{2000}\n… \[truncated: 3000 more characters not shown\]$/);
  });
});
