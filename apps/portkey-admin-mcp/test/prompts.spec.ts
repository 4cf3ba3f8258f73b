import { resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { HttpResponse } from '@sophia/mcp-testing';
import { callTool, portkeyError, portkeyList, route } from './fake-upstream';
import { promptSummary, renderedChat } from './fixtures/portkey';

describe('prompts', () => {
  const fake = useFakeUpstream();

  it('list_prompts passes search and collection and compacts each prompt', async () => {
    const list = route('get', '/prompts', () => portkeyList([promptSummary('support-reply')]));
    fake.use(list.handler);
    expect(resultJson(await callTool('list_prompts', { search: 'support', collectionId: 'col-1', limit: 10 }))).toEqual({
      items: [{ id: promptSummary('support-reply').id, slug: 'support-reply', name: 'Prompt support-reply', collectionId: 'b0f5d8a4-1111-4222-8333-944455556666', model: 'gpt-4o', status: 'active', lastUpdatedAt: '2025-01-12T10:00:00Z' }],
      total: 1,
    });
    expect(list.received[0]?.query).toEqual({ current_page: '0', page_size: '10', search: 'support', collection_id: 'col-1' });
  });

  it('render_prompt posts the variables and returns messages as text, parameters apart', async () => {
    const render = route('post', '/prompts/pp-support/render', () => HttpResponse.json(renderedChat('Hello world')));
    fake.use(render.handler);
    expect(resultJson(await callTool('render_prompt', { promptId: 'pp-support', variables: { user_input: 'Hello world' } }))).toEqual({
      promptId: 'pp-support',
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You are a helpful support agent.' },
        { role: 'user', content: 'Hello world' },
      ],
      parameters: { max_tokens: 250, temperature: 0.2 },
    });
    expect(render.received[0]?.body).toEqual({ variables: { user_input: 'Hello world' } });
  });

  it('render_prompt caps a huge message with a marker', async () => {
    fake.use(route('post', '/prompts/pp-big/render', () => HttpResponse.json(renderedChat('x'.repeat(50_000)))).handler);
    const result = resultJson(await callTool('render_prompt', { promptId: 'pp-big' })) as { messages: { content: string }[] };
    expect(result.messages[1]?.content.length).toBeLessThan(8_200);
    expect(result.messages[1]?.content).toContain('[truncated: 42000 more characters not shown]');
  });

  it('render_prompt is a read: a 502 is retried with the same body', async () => {
    const render = route('post', '/prompts/pp-support/render', (_request, call) => (call === 1 ? portkeyError(502, 'Bad Gateway') : HttpResponse.json(renderedChat('hi'))));
    fake.use(render.handler);
    expect(resultJson(await callTool('render_prompt', { promptId: 'pp-support', variables: { user_input: 'hi' } }))).toMatchObject({ model: 'gpt-4o' });
    expect(render.received.map(({ body }) => body)).toEqual([{ variables: { user_input: 'hi' } }, { variables: { user_input: 'hi' } }]);
  });
});
