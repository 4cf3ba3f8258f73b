import { HttpResponse, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { listCommentsOutput } from '../src/tools/comments-list.tool';
import { getMeOutput } from '../src/tools/me-get.tool';
import { callTool, route } from './fake-upstream';
import { FILE_KEY, comment, me } from './fixtures/figma';

describe('list_comments', () => {
  const fake = useFakeUpstream();
  const comments = () =>
    HttpResponse.json({
      comments: [
        comment('101', { message: 'Make the **title** bigger' }),
        comment('102', { parent_id: '101', message: 'Done', client_meta: null, reactions: [{ emoji: ':+1:', user: {}, created_at: '' }] }),
        comment('103', { resolved_at: '2026-11-22T00:00:00Z', client_meta: { node_id: '2:1', node_offset: { x: 0, y: 0 } } }),
        comment('104', { message: 'y'.repeat(2_500) }),
      ],
    });

  it('as Markdown, with author, node and thread; long messages capped', async () => {
    const list = route('get', `/files/${FILE_KEY}/comments`, comments);
    fake.use(list.handler);
    const result = structuredContent(await callTool('list_comments', { file: FILE_KEY }), listCommentsOutput);
    expect(list.received[0]?.query).toEqual({ as_md: 'true' });
    expect(result.items[0]).toEqual({
      id: '101',
      author: 'Ana Designer',
      message: 'Make the **title** bigger',
      createdAt: '2026-11-21T09:00:00Z',
      resolved: false,
      nodeId: '1:2',
      parentId: null,
      reactions: 0,
    });
    expect(result.items[1]).toMatchObject({ parentId: '101', nodeId: null, reactions: 1 });
    expect(result.items[3]?.message).toMatch(/\n… \[truncated: 500 more characters not shown\]$/);
  });

  it('the node of the URL and unresolvedOnly filter; paged across two pages', async () => {
    fake.use(route('get', `/files/${FILE_KEY}/comments`, comments).handler);
    const file = `https://www.figma.com/design/${FILE_KEY}/x?node-id=1-2`;
    const first = structuredContent(await callTool('list_comments', { file, unresolvedOnly: true, limit: 1 }), listCommentsOutput);
    const second = structuredContent(await callTool('list_comments', { file, unresolvedOnly: true, limit: 1, cursor: first.nextCursor }), listCommentsOutput);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(['101', '104']);
    expect(second).toMatchObject({ total: 2 });
    expect(second.nextCursor).toBeUndefined();
  });
});

describe('get_me', () => {
  const fake = useFakeUpstream();
  it('the token\'s user', async () => {
    fake.use(route('get', '/me', () => HttpResponse.json(me)).handler);
    expect(structuredContent(await callTool('get_me'), getMeOutput)).toEqual({
      id: '1234567890',
      handle: 'Ana Designer',
      email: 'ana@example.com',
      imgUrl: 'https://s3-alpha.figma.com/profile/ana.png',
    });
  });
});
