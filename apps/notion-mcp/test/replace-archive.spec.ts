import { HttpResponse, outputOf, resultError, resultJson, servedTools, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { notionTools } from '../src/tools';
import { notionApp } from '../src/app';
import { callTool, configuredEnv, destructiveEnv, notionError, route } from './fake-upstream';
import { PAGE_ID, block, list, plainPage, text, textBlock } from './fixtures';

const OLD_PARAGRAPH = 'a0000000-0000-4000-8000-000000000001';
const SUB_PAGE = 'a0000000-0000-4000-8000-000000000002';
const OLD_TOGGLE = 'a0000000-0000-4000-8000-000000000003';
const NEW_ID = 'b0000000-0000-4000-8000-000000000001';

/** The page's current top-level blocks, a sub-page among them. */
const existingBlocks = () => [
  textBlock('paragraph', [text('Old intro')], { id: OLD_PARAGRAPH }),
  block('child_page', { title: 'Meeting notes' }, { id: SUB_PAGE, hasChildren: true }),
  textBlock('toggle', [text('Old details')], { id: OLD_TOGGLE, hasChildren: true }),
];

describe('replace_page_content', () => {
  const fake = useFakeUpstream();
  const order: string[] = [];
  const deletedAt: number[] = [];

  /** The fake page: its children list, appends that echo new blocks, and deletes of single blocks. */
  function fakePage(options: { children?: unknown[]; deleteAnswer?: (call: number) => Response } = {}) {
    order.length = 0;
    deletedAt.length = 0;
    const children = route('get', `/blocks/${PAGE_ID}/children`, () => {
      order.push('list');
      return HttpResponse.json(list(options.children ?? existingBlocks()));
    });
    const append = route('patch', `/blocks/${PAGE_ID}/children`, (request) => {
      order.push('append');
      const sent = (request.body as { children: unknown[] }).children;
      return HttpResponse.json(list(sent.map((_, index) => textBlock('paragraph', [text('new')], { id: NEW_ID.replace(/1$/, String(index + 1)) }))));
    });
    const remove = route('delete', '/blocks/:blockId', (request, call) => {
      order.push(`delete ${request.path.split('/').pop()}`);
      deletedAt.push(Date.now());
      return options.deleteAnswer?.(call) ?? HttpResponse.json({ ...block('paragraph', { rich_text: [] }), in_trash: true });
    });
    fake.use(children.handler, append.handler, remove.handler);
    return { children, append, remove };
  }

  it('writes the new content first, then deletes the old blocks one by one, keeping sub-pages', async () => {
    const { append } = fakePage();
    const result = await callTool('replace_page_content', { pageId: PAGE_ID, markdown: '# Plan\n\nShip **v3**.' }, destructiveEnv);

    expect(order).toEqual(['list', 'append', `delete ${OLD_PARAGRAPH}`, `delete ${OLD_TOGGLE}`]);
    // Paced to Notion's average of 3 requests/s: sent 334 ms apart (received with some jitter on a busy machine).
    expect((deletedAt[1] ?? 0) - (deletedAt[0] ?? 0)).toBeGreaterThanOrEqual(250);
    expect(append.received[0]?.body).toEqual({
      children: [
        { type: 'heading_1', heading_1: { rich_text: [{ type: 'text', text: { content: 'Plan' } }] } },
        {
          type: 'paragraph',
          paragraph: {
            rich_text: [
              { type: 'text', text: { content: 'Ship ' } },
              { type: 'text', text: { content: 'v3' }, annotations: { bold: true } },
              { type: 'text', text: { content: '.' } },
            ],
          },
        },
      ],
    });
    expect(resultJson(result)).toEqual({
      written: 2,
      removed: 2,
      keptBlockIds: [SUB_PAGE],
      blockIds: ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'],
    });
    structuredContent(result, outputOf(notionTools, 'replace_page_content'));
  });

  it('writes long content 100 blocks per request', async () => {
    const { append } = fakePage({ children: [] });
    const markdown = Array.from({ length: 150 }, (_, index) => `line ${index}`).join('\n\n');
    expect(resultJson(await callTool('replace_page_content', { pageId: PAGE_ID, markdown }, destructiveEnv))).toMatchObject({ written: 150, removed: 0 });
    expect(append.received.map((request) => (request.body as { children: unknown[] }).children.length)).toEqual([100, 50]);
  });

  it('clears the page when the markdown is empty', async () => {
    const { append } = fakePage();
    expect(resultJson(await callTool('replace_page_content', { pageId: PAGE_ID, markdown: '' }, destructiveEnv))).toMatchObject({ written: 0, removed: 2 });
    expect(append.received).toHaveLength(0);
  });

  it('turns object_not_found into not_found and writes nothing', async () => {
    fake.use(route('get', `/blocks/${PAGE_ID}/children`, () => notionError(404, 'object_not_found', `Could not find block with ID: ${PAGE_ID}.`)).handler);
    // No append or delete route: a write would be unmatched and fail the test.
    expect(resultError(await callTool('replace_page_content', { pageId: PAGE_ID, markdown: 'x' }, destructiveEnv))).toMatch(/^not_found: /);
  });

  it('turns restricted_resource on the write into forbidden, sent once, deleting nothing', async () => {
    fake.use(
      route('get', `/blocks/${PAGE_ID}/children`, () => HttpResponse.json(list(existingBlocks()))).handler,
      route('patch', `/blocks/${PAGE_ID}/children`, () => notionError(403, 'restricted_resource', 'Insufficient permissions for this endpoint.')).handler,
    );
    expect(resultError(await callTool('replace_page_content', { pageId: PAGE_ID, markdown: 'x' }, destructiveEnv))).toBe(
      'forbidden: Notion denied access (HTTP 403): Insufficient permissions for this endpoint.',
    );
  });

  it.each([
    ['a 503', () => notionError(503, 'service_unavailable', 'Notion is unavailable.'), 'upstream_error: Notion failed (HTTP 503): Notion is unavailable.'],
    ['a rate limit', () => notionError(429, 'rate_limited', 'Rate limited.', { 'retry-after': '0' }), 'rate_limited: Notion rate limit reached (HTTP 429): Rate limited.'],
  ])('sends each delete once: %s half-way says what is left on the page', async (_label, answer, kind) => {
    const { remove } = fakePage({ deleteAnswer: (call) => (call === 2 ? answer() : HttpResponse.json(block('paragraph', { rich_text: [] }))) });
    const message = resultError(await callTool('replace_page_content', { pageId: PAGE_ID, markdown: 'x' }, destructiveEnv));

    expect(message).toContain(kind);
    expect(message).toContain(
      'The new content was written, but 1 of the 2 old blocks are still on the page, above it. Call replace_page_content again with the same markdown to finish',
    );
    expect(remove.received).toHaveLength(2);
  });

  it('refuses a page with more than 500 top-level blocks before writing anything', async () => {
    const children = route('get', `/blocks/${PAGE_ID}/children`, (request, call) =>
      HttpResponse.json(list(Array.from({ length: Number(request.query['page_size']) }, () => textBlock('paragraph', [text('x')])), `cursor-${call}`)),
    );
    fake.use(children.handler);
    expect(resultError(await callTool('replace_page_content', { pageId: PAGE_ID, markdown: 'x' }, destructiveEnv))).toBe(
      'invalid_input: the page has more than 500 top-level blocks, too many to replace in one call; nothing was changed. ' +
        'Add to it with append_blocks, or create a new page with create_page.',
    );
    expect(children.received).toHaveLength(6);
  });

  it('refuses, before writing, a replacement whose paced deletes would outlast the call', async () => {
    const blocks = Array.from({ length: 9 }, () => textBlock('paragraph', [text('x')]));
    fake.use(route('get', `/blocks/${PAGE_ID}/children`, () => HttpResponse.json(list(blocks))).handler);
    const result = await callTool('replace_page_content', { pageId: PAGE_ID, markdown: 'x' }, { ...destructiveEnv, MCP_TOOL_TIMEOUT_MS: '3000' });
    expect(resultError(result)).toMatch(
      /^invalid_input: replacing this page means deleting 9 blocks at Notion's 3 requests\/s, about 4s, more than the [0-2]s this call has left; nothing was changed\. Raise MCP_TOOL_TIMEOUT_MS/,
    );
  });

  it('is served only with MCP_ALLOW_DESTRUCTIVE=true, and never in read-only mode', async () => {
    expect(await servedTools(notionApp, configuredEnv)).not.toContain('replace_page_content');
    expect(await servedTools(notionApp, destructiveEnv)).toContain('replace_page_content');
    expect(await servedTools(notionApp, { ...destructiveEnv, MCP_READ_ONLY: 'true' })).not.toContain('replace_page_content');
    await expect(callTool('replace_page_content', { pageId: PAGE_ID, markdown: 'x' })).rejects.toThrow('Tool replace_page_content not found');
  });
});

describe('archive_page', () => {
  const fake = useFakeUpstream();
  const trashed = { ...plainPage(PAGE_ID, 'Old plan'), in_trash: true };

  it('moves the page to the trash and says so', async () => {
    const update = route('patch', `/pages/${PAGE_ID}`, () => HttpResponse.json(trashed));
    fake.use(update.handler);
    const result = await callTool('archive_page', { pageId: PAGE_ID });

    expect(update.received.map((request) => request.body)).toEqual([{ in_trash: true }]);
    expect(resultJson(result)).toEqual({
      object: 'page',
      id: PAGE_ID,
      title: 'Old plan',
      url: 'https://www.notion.so/Old-plan-598337872cf94fdf8782e53db20768a5',
      parent: { type: 'page', id: '11111111-1111-4111-8111-111111111111' },
      lastEditedTime: '2025-09-12T08:30:00.000Z',
      inTrash: true,
    });
    structuredContent(result, outputOf(notionTools, 'archive_page'));
  });

  it('restores a trashed page with restore: true', async () => {
    const update = route('patch', `/pages/${PAGE_ID}`, () => HttpResponse.json(plainPage(PAGE_ID, 'Old plan')));
    fake.use(update.handler);
    expect(resultJson(await callTool('archive_page', { pageId: PAGE_ID, restore: true }))).toMatchObject({ inTrash: false });
    expect(update.received[0]?.body).toEqual({ in_trash: false });
  });

  it('is sent once: a 503 is reported, not retried', async () => {
    const update = route('patch', `/pages/${PAGE_ID}`, () => notionError(503, 'service_unavailable', 'Notion is unavailable.'));
    fake.use(update.handler);
    expect(resultError(await callTool('archive_page', { pageId: PAGE_ID }))).toBe('upstream_error: Notion failed (HTTP 503): Notion is unavailable.');
    expect(update.received).toHaveLength(1);
  });

  it.each([
    [404, 'object_not_found', /^not_found: /],
    [403, 'restricted_resource', /^forbidden: /],
  ])('turns %s %s into its kind', async (status, code, kind) => {
    fake.use(route('patch', `/pages/${PAGE_ID}`, () => notionError(status, code, 'Notion says no.')).handler);
    expect(resultError(await callTool('archive_page', { pageId: PAGE_ID }))).toMatch(kind);
  });

  it('is not served in read-only mode', async () => {
    expect(await servedTools(notionApp, configuredEnv)).toContain('archive_page');
    expect(await servedTools(notionApp, { ...configuredEnv, MCP_READ_ONLY: 'true' })).not.toContain('archive_page');
  });
});
