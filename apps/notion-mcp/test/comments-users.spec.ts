import { HttpResponse, outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { notionTools } from '../src/tools';
import { callTool, notionError, route } from './fake-upstream';
import { DISCUSSION_ID, PAGE_ID, bot, comment, list, person, text } from './fixtures';

describe('reading comments and users', () => {
  const fake = useFakeUpstream();

  describe('list_comments', () => {
    it("lists a page's open comments with their text as inline Markdown, each capped", async () => {
      const comments = route('get', '/comments', () =>
        HttpResponse.json(
          list(
            [
              comment('c1111111-1111-4111-8111-111111111111', [text('Ship it '), text('today', { bold: true })]),
              comment('c2222222-2222-4222-8222-222222222222', [text('z'.repeat(4_010))], {
                display_name: { type: 'integration', resolved_name: 'Sophia' },
                attachments: [{ category: 'image', file: { url: 'https://files.notion.so/a.png', expiry_time: '2025-09-12T10:00:00.000Z' } }],
              }),
            ],
            null,
            'comment',
          ),
        ),
      );
      fake.use(comments.handler);
      const result = await callTool('list_comments', { blockId: `https://www.notion.so/Ship-v2-${PAGE_ID.replace(/-/g, '')}` });

      expect(comments.received[0]?.query).toEqual({ block_id: PAGE_ID, page_size: '50' });
      expect(resultJson(result)).toEqual({
        items: [
          {
            id: 'c1111111-1111-4111-8111-111111111111',
            discussionId: DISCUSSION_ID,
            author: 'Ada Lovelace',
            authorId: 'ee5f0f84-409a-440f-983a-a5315961c6e4',
            text: 'Ship it **today**',
            attachments: 0,
            createdTime: '2025-09-12T09:00:00.000Z',
            lastEditedTime: '2025-09-12T09:00:00.000Z',
          },
          expect.objectContaining({ author: 'Sophia', attachments: 1, text: `${'z'.repeat(4_000)}\n… [truncated: 10 more characters not shown]` }),
        ],
      });
      structuredContent(result, outputOf(notionTools, 'list_comments'));
    });

    it('turns object_not_found (a page not shared with the integration) into not_found', async () => {
      fake.use(route('get', '/comments', () => notionError(404, 'object_not_found', `Could not find block with ID: ${PAGE_ID}.`)).handler);
      expect(resultError(await callTool('list_comments', { blockId: PAGE_ID }))).toMatch(/^not_found: .*Could not find block with ID/);
    });

    it('turns restricted_resource (no "read comments" capability) into forbidden', async () => {
      fake.use(route('get', '/comments', () => notionError(403, 'restricted_resource', 'Insufficient permissions for this endpoint.')).handler);
      expect(resultError(await callTool('list_comments', { blockId: PAGE_ID }))).toBe(
        'forbidden: Notion denied access (HTTP 403): Insufficient permissions for this endpoint.',
      );
    });
  });

  describe('list_users', () => {
    it('lists people and bots with their emails when Notion gives them', async () => {
      const users = route('get', '/users', () =>
        HttpResponse.json(
          list(
            [
              person('u1111111-1111-4111-8111-111111111111', 'Ada Lovelace', 'ada@acme.com'),
              person('u2222222-2222-4222-8222-222222222222', 'Grace Hopper'),
              bot('u3333333-3333-4333-8333-333333333333', 'Sophia'),
            ],
            null,
            'user',
          ),
        ),
      );
      fake.use(users.handler);
      const result = await callTool('list_users', { limit: 10 });

      expect(users.received[0]?.query).toEqual({ page_size: '10' });
      expect(resultJson(result)).toEqual({
        items: [
          { id: 'u1111111-1111-4111-8111-111111111111', type: 'person', name: 'Ada Lovelace', email: 'ada@acme.com' },
          { id: 'u2222222-2222-4222-8222-222222222222', type: 'person', name: 'Grace Hopper', email: null },
          { id: 'u3333333-3333-4333-8333-333333333333', type: 'bot', name: 'Sophia', email: null },
        ],
      });
      structuredContent(result, outputOf(notionTools, 'list_users'));
    });

    it('turns restricted_resource (no user-information capability) into forbidden', async () => {
      fake.use(route('get', '/users', () => notionError(403, 'restricted_resource', 'Insufficient permissions for this endpoint.')).handler);
      expect(resultError(await callTool('list_users'))).toMatch(/^forbidden: /);
    });
  });
});
