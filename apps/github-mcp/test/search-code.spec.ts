import { HttpResponse, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, linkHeader, route } from './fake-upstream';
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
});
