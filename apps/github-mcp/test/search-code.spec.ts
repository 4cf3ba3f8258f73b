import { HttpResponse, connectInMemory, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { callTool, configuredEnv, linkHeader, route } from './fake-upstream';
import { codeSearch } from './fixtures/search';

describe('search_code', () => {
  const fake = useFakeUpstream();

  it('asks for text matches and returns repository, path and matching fragments', async () => {
    const search = route('get', '/search/code', () =>
      HttpResponse.json(codeSearch, { headers: { link: linkHeader('/search/code', 2, 3) } }),
    );
    fake.use(search.handler);
    const result = await callTool('search_code', { q: 'addClass repo:jquery/jquery', limit: 3 });

    expect(search.received[0]?.query).toEqual({ q: 'addClass repo:jquery/jquery', per_page: '3', page: '1' });
    expect(search.received[0]?.headers.get('accept')).toBe('application/vnd.github.text-match+json');
    expect(resultJson(result)).toEqual({
      totalCount: 7,
      items: [
        {
          repository: 'jquery/jquery',
          path: 'src/attributes/classes.js',
          sha: 'd7212f9dee2dcc18f084d7df8f417b80846ded5a',
          fragments: ['jQuery.fn.extend( {\n\taddClass: function( value ) {', '\t\treturn this.addClass( value.call( this, j ) );'],
          htmlUrl: 'https://github.com/jquery/jquery/blob/825ac3773694e0cd23ee74895fd5aeb535b27da4/src/attributes/classes.js',
        },
      ],
      nextCursor: expect.any(String),
    });
  });

  it('runs concurrent searches of one server at once: no client-side pacing queue behind other callers', async () => {
    const search = route('get', '/search/code', () => HttpResponse.json(codeSearch));
    fake.use(search.handler);
    const { client, close } = await connectInMemory(githubApp, { env: configuredEnv });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) => client.callTool({ name: 'search_code', arguments: { q: `addClass ${index}` } })),
    );
    const elapsed = Date.now() - started;
    await close();
    for (const result of results) expect(resultJson(result)).toMatchObject({ totalCount: 7 });
    expect(search.received).toHaveLength(12);
    // Octokit's throttling plugin spaced searches 2 s apart across all callers (the last one after ~22 s).
    expect(elapsed).toBeLessThan(2_000);
  });
});
