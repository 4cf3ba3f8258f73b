import { markdownToRichText } from '../src/markdown/inline';
import { markdownToBlocks } from '../src/markdown/to-blocks';

const plain = (content: string) => ({ type: 'text', text: { content } });

/** The Markdown → Notion direction; Notion → Markdown is covered through fetch_page (fetch-page.spec.ts). */
describe('markdownToRichText', () => {
  it.each([
    ['plain text', 'hello', [plain('hello')]],
    ['bold and italic', '**a** and *b* and _c_', [
      { type: 'text', text: { content: 'a' }, annotations: { bold: true } },
      plain(' and '),
      { type: 'text', text: { content: 'b' }, annotations: { italic: true } },
      plain(' and '),
      { type: 'text', text: { content: 'c' }, annotations: { italic: true } },
    ]],
    ['bold inside a link', '[**x**](https://e.com)', [
      { type: 'text', text: { content: 'x', link: { url: 'https://e.com' } }, annotations: { bold: true } },
    ]],
    ['code keeps markers literal', '`a*b*c`', [{ type: 'text', text: { content: 'a*b*c' }, annotations: { code: true } }]],
    ['strikethrough', '~~old~~', [{ type: 'text', text: { content: 'old' }, annotations: { strikethrough: true } }]],
    ['snake_case is not emphasis', 'my_var_name', [plain('my_var_name')]],
    ['unclosed markers stay literal', '2 * 3 and **open', [plain('2 * 3 and **open')]],
    ['escapes', '\\*not italic\\*', [plain('*not italic*')]],
  ])('%s', (_label, markdown, expected) => {
    expect(markdownToRichText(markdown)).toEqual(expected);
  });

  it('splits text longer than Notion’s 2000-character limit', () => {
    const pieces = markdownToRichText('x'.repeat(4500));
    expect(pieces.map((piece) => ('text' in piece ? piece.text.content.length : 0))).toEqual([2000, 2000, 500]);
  });
});

describe('markdownToBlocks', () => {
  it('converts every supported block type', () => {
    const markdown = [
      '# One',
      '## Two',
      '#### Four becomes three',
      'A paragraph',
      'on two lines.',
      '',
      '- bullet',
      '1. first',
      '- [x] done',
      '- [ ] open',
      '> quoted',
      '> more',
      '---',
      '```ts',
      'const a = 1;',
      '',
      '```',
      '```klingon',
      'x',
      '```',
    ].join('\n');
    expect(markdownToBlocks(markdown)).toEqual([
      { type: 'heading_1', heading_1: { rich_text: [plain('One')] } },
      { type: 'heading_2', heading_2: { rich_text: [plain('Two')] } },
      { type: 'heading_3', heading_3: { rich_text: [plain('Four becomes three')] } },
      { type: 'paragraph', paragraph: { rich_text: [plain('A paragraph\non two lines.')] } },
      { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [plain('bullet')] } },
      { type: 'numbered_list_item', numbered_list_item: { rich_text: [plain('first')] } },
      { type: 'to_do', to_do: { rich_text: [plain('done')], checked: true } },
      { type: 'to_do', to_do: { rich_text: [plain('open')], checked: false } },
      { type: 'quote', quote: { rich_text: [plain('quoted\nmore')] } },
      { type: 'divider', divider: {} },
      { type: 'code', code: { rich_text: [plain('const a = 1;\n')], language: 'typescript' } },
      { type: 'code', code: { rich_text: [plain('x')], language: 'plain text' } },
    ]);
  });

  it('nests indented list items, at most two levels deep (Notion’s limit per request)', () => {
    const blocks = markdownToBlocks(['- a', '  - b', '    - c', '      - d', '- e'].join('\n'));
    const item = (content: string, children?: unknown[]) => ({
      type: 'bulleted_list_item',
      bulleted_list_item: { rich_text: [plain(content)], ...(children && { children }) },
    });
    expect(blocks).toEqual([item('a', [item('b', [item('c'), item('d')])]), item('e')]);
  });

  it('gives nothing for blank input', () => {
    expect(markdownToBlocks('\n  \n')).toEqual([]);
  });
});
