import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callOfflineTool, callTool, chatRoute } from './fake-upstream';
import { BUTTON_ANSWER, chatCompletion, openRouterError } from './fixtures';

interface Component { language: string; code: string; notes: string | null; model: string; generationId: string | null; truncated: boolean; usage: { costUsd: number | null } }
interface ChatBody { model: string; max_tokens: number; stream: boolean; messages: Array<{ role: string; content: string }> }

describe('LLM tools against a fake OpenRouter', () => {
  const fake = useFakeUpstream();

  it('answers not_configured naming OPENROUTER_API_KEY on a server without it, sending nothing', async () => {
    for (const [name, args] of [
      ['generate_component', { description: 'a save button' }],
      ['refine_component', { code: 'export default () => null', instructions: 'add a label' }],
      ['review_ui', { code: '<button></button>', kind: 'html' }],
    ] as const) {
      const error = resultError(await callOfflineTool(name, args));
      expect(error).toMatch(/^not_configured: OpenRouter \(for the LLM tools\) is not configured: set OPENROUTER_API_KEY /);
      expect(error).toContain('The offline tools (check_contrast');
    }
  });

  it('generate_component sends one completion with the configured model and capped max_tokens, and returns the code without its fence', async () => {
    const upstream = chatRoute(() => HttpResponse.json(chatCompletion(BUTTON_ANSWER)));
    fake.use(upstream.handler);

    const result = await callTool('generate_component', { description: 'a save button', tokens: ':root { --color-primary: #2563eb; }', maxTokens: 5000 });

    expect(upstream.received).toHaveLength(1);
    const [request] = upstream.received;
    expect(request?.headers.get('authorization')).toBe('Bearer sk-or-v1-test-000000');
    const body = request?.body as ChatBody;
    expect(body).toMatchObject({ model: 'acme/design-model', max_tokens: 1000, stream: false });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]?.content).toContain('a save button');
    expect(body.messages[1]?.content).toContain('--color-primary: #2563eb');
    const component = resultJson<Component>(result);
    expect(component).toMatchObject({ language: 'tsx', model: 'acme/design-model', generationId: 'gen-1764500000-AbCdEfGhIjKlMnOp', truncated: false, usage: { costUsd: 0.004686 } });
    expect(component.code.startsWith('import React from "react";')).toBe(true);
    expect(component.code).not.toContain('```');
    expect(component.notes).toBe("Here's the component:\n\nUses the primary tokens.");
    expect(result.structuredContent).toEqual(component);
  });

  it('keeps a smaller maxTokens and says when the answer was cut at max_tokens', async () => {
    const upstream = chatRoute(() => HttpResponse.json(chatCompletion('```tsx\nexport default function Card() {\n  return <div', { finishReason: 'length' })));
    fake.use(upstream.handler);

    const component = resultJson<Component>(await callTool('generate_component', { description: 'a card', maxTokens: 300 }));

    expect((upstream.received[0]?.body as ChatBody).max_tokens).toBe(300);
    expect(component.truncated).toBe(true);
    expect(component.code).toBe('export default function Card() {\n  return <div');
    expect(component.notes).toMatch(/^Cut at max_tokens/);
  });

  it('refine_component sends the current code and the change requests', async () => {
    const upstream = chatRoute(() => HttpResponse.json(chatCompletion(BUTTON_ANSWER)));
    fake.use(upstream.handler);

    const component = resultJson<Component>(
      await callTool('refine_component', { code: 'export default function SaveButton() { return <div onClick={save}>Save</div>; }', instructions: 'use a real button' }),
    );

    const user = (upstream.received[0]?.body as ChatBody).messages[1]?.content ?? '';
    expect(user).toContain('<div onClick={save}>Save</div>');
    expect(user).toContain('use a real button');
    expect(component.code).toContain('<button type="button"');
  });

  it('review_ui audits HTML with axe-core first and gives the violations to the model', async () => {
    const upstream = chatRoute(() => HttpResponse.json(chatCompletion('**Verdict:** not accessible yet.\n\n1. The image has no alt text.')));
    fake.use(upstream.handler);

    const review = resultJson<{ review: string; audit: Array<{ rule: string; impact: string | null }> | null }>(
      await callTool('review_ui', { code: '<main><img src="hero.png"></main>', kind: 'html', focus: 'images' }),
    );

    expect(review.audit?.map((v) => v.rule)).toContain('image-alt');
    const user = (upstream.received[0]?.body as ChatBody).messages[1]?.content ?? '';
    expect(user).toMatch(/axe-core audit \(WCAG AA\) violations:\n- image-alt \(critical, 1 elements\)/);
    expect(user).toContain('Focus on: images');
    expect(review.review).toBe('**Verdict:** not accessible yet.\n\n1. The image has no alt text.');
  });

  it('review_ui reviews React source without an audit', async () => {
    fake.use(chatRoute(() => HttpResponse.json(chatCompletion('Looks fine.'))).handler);
    const review = resultJson<{ audit: unknown }>(await callTool('review_ui', { code: 'export default () => <button>Ok</button>' }));
    expect(review.audit).toBeNull();
  });

  describe('OpenRouter errors: each call is sent once, never retried (it costs credits)', () => {
    it.each([
      [401, {}, /^unauthorized: OpenRouter rejected the credentials \(HTTP 401\)/],
      [402, {}, /^forbidden: .*OpenRouter: the key has too few credits for this request: add credits/],
      [404, {}, /^not_found: .*no provider serves the model "acme\/design-model": set UI_UX_MODEL/],
      [429, { 'retry-after': '1' }, /^rate_limited: OpenRouter rate limit reached \(HTTP 429\).*Retry after 1s\.$/],
      [502, {}, /^upstream_error: OpenRouter failed \(HTTP 502\)/],
      [503, {}, /^upstream_error: OpenRouter failed \(HTTP 503\)/],
    ])('HTTP %i', async (status, headers, expected) => {
      const upstream = chatRoute(() => HttpResponse.json(openRouterError(status, `upstream says ${status}`), { status, headers }));
      fake.use(upstream.handler);

      const error = resultError(await callTool('generate_component', { description: 'a save button' }));

      expect(error).toMatch(expected);
      expect(error).toContain(`upstream says ${status}`);
      expect(upstream.received).toHaveLength(1);
    });

    it('an error inside a 200 (the provider failed mid-generation) is upstream_error', async () => {
      fake.use(
        chatRoute(() =>
          HttpResponse.json({ ...chatCompletion(''), choices: [{ index: 0, finish_reason: 'error', message: { role: 'assistant', content: '' }, error: { code: 502, message: 'Provider returned error' } }] }),
        ).handler,
      );
      expect(resultError(await callTool('generate_component', { description: 'a save button' }))).toBe(
        'upstream_error: OpenRouter: the model failed: Provider returned error (code 502).',
      );
    });

    it('an empty answer is upstream_error naming the model to change', async () => {
      fake.use(chatRoute(() => HttpResponse.json(chatCompletion('   '))).handler);
      expect(resultError(await callTool('generate_component', { description: 'a save button' }))).toMatch(
        /^upstream_error: OpenRouter answered without any text from acme\/design-model; .*UI_UX_MODEL/,
      );
    });
  });

  it('caps an oversized review', async () => {
    fake.use(chatRoute(() => HttpResponse.json(chatCompletion('x'.repeat(50_000)))).handler);
    const review = resultJson<{ review: string }>(await callTool('review_ui', { code: '<p>x</p>', kind: 'react' }));
    expect(review.review).toMatch(/\n… \[truncated: 10000 more characters not shown\]$/);
  });
});
