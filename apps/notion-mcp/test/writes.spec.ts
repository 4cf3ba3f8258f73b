import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, notionError, route } from './fake-upstream';
import { DATA_SOURCE_ID, PAGE_ID, list, plainPage, taskPage, tasksDataSource, text, textBlock } from './fixtures';

const PARENT_ID = '11111111-1111-4111-8111-111111111111';
const NEW_ID = '22222222-2222-4222-8222-222222222222';

const paragraph = (content: string) => ({ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content } }] } });

describe('write tools', () => {
  const fake = useFakeUpstream();

  describe('create_page', () => {
    it('creates a page under a page from Markdown', async () => {
      const create = route('post', '/pages', () => HttpResponse.json(plainPage(NEW_ID, 'Meeting notes')));
      fake.use(create.handler);
      const result = await callTool('create_page', {
        parentPageId: PARENT_ID,
        title: 'Meeting notes',
        markdown: '## Agenda\n- [ ] Budget\n\nSee **notes**.',
      });

      expect(create.received[0]?.body).toEqual({
        parent: { page_id: PARENT_ID },
        properties: { title: { title: [{ type: 'text', text: { content: 'Meeting notes' } }] } },
        children: [
          { type: 'heading_2', heading_2: { rich_text: [{ type: 'text', text: { content: 'Agenda' } }] } },
          { type: 'to_do', to_do: { rich_text: [{ type: 'text', text: { content: 'Budget' } }], checked: false } },
          {
            type: 'paragraph',
            paragraph: {
              rich_text: [
                { type: 'text', text: { content: 'See ' } },
                { type: 'text', text: { content: 'notes' }, annotations: { bold: true } },
                { type: 'text', text: { content: '.' } },
              ],
            },
          },
        ],
      });
      expect(resultJson(result)).toEqual({
        id: NEW_ID,
        url: 'https://www.notion.so/Meeting-notes-22222222222242228222222222222222',
        title: 'Meeting notes',
        blockCount: 3,
      });
    });

    it('creates a data source row: finds the title column, sends the properties, appends content past 100 blocks', async () => {
      const schema = route('get', `/data_sources/${DATA_SOURCE_ID}`, () => HttpResponse.json(tasksDataSource));
      const create = route('post', '/pages', () => HttpResponse.json(taskPage(NEW_ID, 'Write docs')));
      const append = route('patch', `/blocks/${NEW_ID}/children`, () => HttpResponse.json(list([textBlock('paragraph', [text('x')])])));
      fake.use(schema.handler, create.handler, append.handler);
      const markdown = Array.from({ length: 101 }, (_, index) => `line ${index}`).join('\n\n');
      const result = await callTool('create_page', {
        parentDataSourceId: DATA_SOURCE_ID,
        title: 'Write docs',
        properties: { Status: { status: { name: 'Done' } } },
        markdown,
      });

      const body = create.received[0]?.body as { parent: unknown; properties: unknown; children: unknown[] };
      expect(body.parent).toEqual({ data_source_id: DATA_SOURCE_ID });
      expect(body.properties).toEqual({
        Status: { status: { name: 'Done' } },
        Name: { title: [{ type: 'text', text: { content: 'Write docs' } }] },
      });
      expect(body.children).toHaveLength(100);
      expect(append.received.map((request) => request.body)).toEqual([{ children: [paragraph('line 100')] }]);
      expect(resultJson(result)).toMatchObject({ id: NEW_ID, title: 'Write docs', blockCount: 101 });
    });

    it('needs exactly one parent', async () => {
      const message = resultError(await callTool('create_page', { parentPageId: PARENT_ID, parentDataSourceId: DATA_SOURCE_ID, title: 'x' }));
      expect(message).toMatch(/^invalid_input: invalid arguments for create_page:/);
      expect(message).toContain('give exactly one of parentPageId or parentDataSourceId');
    });

    it('does not retry a create that failed with a 5xx, so the page is never made twice', async () => {
      const create = route('post', '/pages', () => notionError(500, 'internal_server_error', 'Unexpected error occurred.'));
      fake.use(create.handler);
      expect(resultError(await callTool('create_page', { parentPageId: PARENT_ID, title: 'x' }))).toBe(
        'upstream_error: Notion failed (HTTP 500): Unexpected error occurred.',
      );
      expect(create.received).toHaveLength(1);
    });
  });

  describe('update_page', () => {
    it('renames through the page’s own title column and sets properties', async () => {
      const get = route('get', `/pages/${PAGE_ID}`, () => HttpResponse.json(taskPage(PAGE_ID, 'Ship v2')));
      const update = route('patch', `/pages/${PAGE_ID}`, () => HttpResponse.json(taskPage(PAGE_ID, 'Ship v3')));
      fake.use(get.handler, update.handler);
      const result = await callTool('update_page', {
        pageId: PAGE_ID,
        title: 'Ship v3',
        properties: { Points: { number: 5 } },
      });

      expect(update.received[0]?.body).toEqual({
        properties: { Points: { number: 5 }, Name: { title: [{ type: 'text', text: { content: 'Ship v3' } }] } },
      });
      expect(resultJson(result)).toMatchObject({ id: PAGE_ID, title: 'Ship v3', properties: { Name: 'Ship v3', Points: 3 } });
    });

    it('sets properties without reading the page first', async () => {
      const update = route('patch', `/pages/${PAGE_ID}`, () => HttpResponse.json(taskPage(PAGE_ID, 'Ship v2')));
      fake.use(update.handler);
      await callTool('update_page', { pageId: PAGE_ID, properties: { Done: { checkbox: true } } });
      expect(update.received[0]?.body).toEqual({ properties: { Done: { checkbox: true } } });
    });

    it('turns conflict_error into conflict', async () => {
      fake.use(
        route('patch', `/pages/${PAGE_ID}`, () => notionError(409, 'conflict_error', 'Conflict occurred while saving. Please try again.')).handler,
      );
      expect(resultError(await callTool('update_page', { pageId: PAGE_ID, properties: { Done: { checkbox: true } } }))).toBe(
        'conflict: Notion reported a conflict (HTTP 409): Conflict occurred while saving. Please try again.',
      );
    });

    it('needs something to change', async () => {
      expect(resultError(await callTool('update_page', { pageId: PAGE_ID }))).toContain('give a title or at least one property to change');
    });
  });

  describe('append_blocks', () => {
    it('appends converted Markdown after a given block and returns the new block ids', async () => {
      const after = 'c0000000-0000-4000-8000-000000000009';
      const created = textBlock('quote', [text('Quoted')], { id: 'c0000000-0000-4000-8000-000000000010' });
      const append = route('patch', `/blocks/${PAGE_ID}/children`, () => HttpResponse.json(list([created])));
      fake.use(append.handler);
      const result = await callTool('append_blocks', { blockId: PAGE_ID, markdown: '> Quoted', afterBlockId: after });

      expect(append.received[0]?.body).toEqual({
        children: [{ type: 'quote', quote: { rich_text: [{ type: 'text', text: { content: 'Quoted' } }] } }],
        after,
      });
      expect(resultJson(result)).toEqual({ appended: 1, blockIds: ['c0000000-0000-4000-8000-000000000010'] });
    });

    it('refuses Markdown with no content without calling Notion', async () => {
      expect(resultError(await callTool('append_blocks', { blockId: PAGE_ID, markdown: '\n\n  \n' }))).toBe(
        'invalid_input: markdown has no content to append',
      );
    });
  });

  describe('create_comment', () => {
    const comment = {
      object: 'comment',
      id: '33333333-3333-4333-8333-333333333333',
      parent: { type: 'page_id', page_id: PAGE_ID },
      discussion_id: '44444444-4444-4444-8444-444444444444',
      created_time: '2025-09-12T09:00:00.000Z',
      last_edited_time: '2025-09-12T09:00:00.000Z',
      created_by: { object: 'user', id: 'bot-1' },
      rich_text: [text('Looks good')],
      display_name: { type: 'integration', resolved_name: 'Sophia' },
    };

    it('comments on a page with inline Markdown', async () => {
      const create = route('post', '/comments', () => HttpResponse.json(comment));
      fake.use(create.handler);
      const result = await callTool('create_comment', { pageId: PAGE_ID, text: 'Looks *good*, see [spec](https://example.com/spec)' });

      expect(create.received[0]?.body).toEqual({
        parent: { page_id: PAGE_ID },
        rich_text: [
          { type: 'text', text: { content: 'Looks ' } },
          { type: 'text', text: { content: 'good' }, annotations: { italic: true } },
          { type: 'text', text: { content: ', see ' } },
          { type: 'text', text: { content: 'spec', link: { url: 'https://example.com/spec' } } },
        ],
      });
      expect(resultJson(result)).toEqual({
        id: '33333333-3333-4333-8333-333333333333',
        discussionId: '44444444-4444-4444-8444-444444444444',
        createdTime: '2025-09-12T09:00:00.000Z',
      });
    });

    it('replies in a discussion', async () => {
      const create = route('post', '/comments', () => HttpResponse.json(comment));
      fake.use(create.handler);
      await callTool('create_comment', { discussionId: comment.discussion_id, text: 'Agreed' });
      expect(create.received[0]?.body).toEqual({
        discussion_id: comment.discussion_id,
        rich_text: [{ type: 'text', text: { content: 'Agreed' } }],
      });
    });

    it('turns restricted_resource (no comment capability) into forbidden', async () => {
      fake.use(
        route('post', '/comments', () =>
          notionError(403, 'restricted_resource', 'Insufficient permissions for this endpoint.'),
        ).handler,
      );
      expect(resultError(await callTool('create_comment', { pageId: PAGE_ID, text: 'hi' }))).toBe(
        'forbidden: Notion denied access (HTTP 403): Insufficient permissions for this endpoint.',
      );
    });
  });
});
