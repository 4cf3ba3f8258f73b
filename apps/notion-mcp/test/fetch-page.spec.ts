import { HttpResponse, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, route } from './fake-upstream';
import { PAGE_ID, block, list, plainPage, text, textBlock } from './fixtures';

const LIST_ID = 'a0000000-0000-4000-8000-000000000001';
const NESTED_ID = 'a0000000-0000-4000-8000-000000000002';
const CHILD_PAGE_ID = 'a0000000-0000-4000-8000-000000000003';

describe('fetch_page', () => {
  const fake = useFakeUpstream();

  function pageRoutes(topLevel: unknown[]) {
    const page = route('get', `/pages/${PAGE_ID}`, () => HttpResponse.json(plainPage(PAGE_ID, 'Launch plan')));
    const children = route('get', `/blocks/${PAGE_ID}/children`, () => HttpResponse.json(list(topLevel)));
    const listChildren = route('get', `/blocks/${LIST_ID}/children`, () =>
      HttpResponse.json(list([textBlock('bulleted_list_item', [text('Nested point')], { id: NESTED_ID, hasChildren: true })])),
    );
    const nestedChildren = route('get', `/blocks/${NESTED_ID}/children`, () =>
      HttpResponse.json(list([block('to_do', { rich_text: [text('Deepest')], checked: true, color: 'default' })])),
    );
    fake.use(page.handler, children.handler, listChildren.handler, nestedChildren.handler);
    return { page, children, listChildren, nestedChildren };
  }

  const topLevel = () => [
    textBlock('heading_1', [text('Launch plan')]),
    textBlock('paragraph', [text('Ship '), text('v2', { bold: true }), text(' by '), text('Friday', { italic: true }), text('.')]),
    textBlock('bulleted_list_item', [text('First point')], { id: LIST_ID, hasChildren: true }),
    textBlock('numbered_list_item', [text('One')]),
    textBlock('numbered_list_item', [text('Two')]),
    block('code', { rich_text: [text('npm test')], language: 'bash', caption: [] }),
    block('divider', {}),
    block('child_page', { title: 'Retro notes' }, { id: CHILD_PAGE_ID, hasChildren: true }),
  ];

  it('returns properties and the content as Markdown, nested lists included, child pages by id', async () => {
    const routes = pageRoutes(topLevel());
    const result = resultJson<Record<string, unknown>>(await callTool('fetch_page', { pageId: PAGE_ID.replace(/-/g, '') }));

    expect(routes.children.received[0]?.query).toEqual({ page_size: '100' });
    expect(routes.nestedChildren.received).toHaveLength(1);
    expect(result).toMatchObject({ id: PAGE_ID, title: 'Launch plan', properties: { title: 'Launch plan' }, blockCount: 10, complete: true });
    expect(result['markdown']).toBe(
      [
        '# Launch plan',
        '',
        'Ship **v2** by *Friday*.',
        '',
        '- First point',
        '  - Nested point',
        '    - [x] Deepest',
        '1. One',
        '2. Two',
        '',
        '```bash',
        'npm test',
        '```',
        '',
        '---',
        '',
        `[Page: Retro notes](${CHILD_PAGE_ID}) (use fetch_page with this id)`,
      ].join('\n'),
    );
  });

  it('stops at maxDepth and marks what it left out', async () => {
    const routes = pageRoutes(topLevel());
    const result = resultJson<{ markdown: string; complete: boolean }>(await callTool('fetch_page', { pageId: PAGE_ID, maxDepth: 1 }));

    expect(routes.listChildren.received).toHaveLength(0);
    expect(result.complete).toBe(false);
    expect(result.markdown).toContain('- First point\n  … [nested content not fetched]\n1. One');
  });

  it('follows next_cursor through long pages', async () => {
    const page = route('get', `/pages/${PAGE_ID}`, () => HttpResponse.json(plainPage(PAGE_ID, 'Long')));
    const children = route('get', `/blocks/${PAGE_ID}/children`, (request) =>
      HttpResponse.json(
        request.query['start_cursor'] === 'cursor-2'
          ? list([textBlock('paragraph', [text('second')])])
          : list([textBlock('paragraph', [text('first')])], 'cursor-2'),
      ),
    );
    fake.use(page.handler, children.handler);
    const result = resultJson<{ markdown: string; complete: boolean }>(await callTool('fetch_page', { pageId: PAGE_ID }));
    expect(result).toMatchObject({ markdown: 'first\n\nsecond', complete: true });
    expect(children.received.map((request) => request.query['start_cursor'])).toEqual([undefined, 'cursor-2']);
  });

  it('renders inline formatting, links, quotes, tables and marks blocks it cannot show', async () => {
    const tableId = 'a0000000-0000-4000-8000-000000000004';
    const row = (...cells: string[]) => block('table_row', { cells: cells.map((cell) => [text(cell)]) });
    fake.use(
      route('get', `/pages/${PAGE_ID}`, () => HttpResponse.json(plainPage(PAGE_ID, 'Mixed'))).handler,
      route('get', `/blocks/${PAGE_ID}/children`, () =>
        HttpResponse.json(
          list([
            textBlock('paragraph', [text('a '), text('b', { bold: true, italic: true }), text(' '), text('site', {}, 'https://e.com'), text(' x', { code: true })]),
            textBlock('quote', [text('line 1\nline 2')]),
            block('table', { table_width: 2, has_column_header: true, has_row_header: false }, { id: tableId, hasChildren: true }),
            block('ai_block', {}),
          ]),
        ),
      ).handler,
      route('get', `/blocks/${tableId}/children`, () => HttpResponse.json(list([row('Name', 'Qty'), row('Apples', '3')]))).handler,
    );
    const result = resultJson<{ markdown: string }>(await callTool('fetch_page', { pageId: PAGE_ID }));
    expect(result.markdown).toBe(
      [
        'a ***b*** [site](https://e.com) `x`',
        '',
        '> line 1',
        '> line 2',
        '',
        '| Name | Qty |',
        '| --- | --- |',
        '| Apples | 3 |',
        '',
        '<!-- ai_block block not shown -->',
      ].join('\n'),
    );
  });
});
