import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, errors, fakeLinear, linearData, linearErrors } from './fake-upstream';
import { COMMENT_ID, commentNode, pageInfo } from './fixtures';

describe('comments toolset', () => {
  const fake = useFakeUpstream();

  describe('list_comments', () => {
    it("reads the issue's comments through the issue, so identifiers work", async () => {
      const linear = fakeLinear({
        ListComments: () =>
          linearData({ issue: { comments: { nodes: [commentNode(COMMENT_ID, 'Ada Lovelace', 'Fixed in #42')], pageInfo: pageInfo() } } }),
      });
      fake.use(linear.handler);
      const result = await callTool('list_comments', { issueId: 'ENG-123', limit: 50 });
      expect(linear.variablesOf('ListComments')).toEqual([{ id: 'ENG-123', first: 50 }]);
      expect(resultJson(result)).toEqual({
        items: [
          {
            id: COMMENT_ID,
            author: 'Ada Lovelace',
            body: 'Fixed in #42',
            parentId: null,
            url: 'https://linear.app/acme/issue/ENG-123#comment-d2e3f4a5',
            createdAt: '2026-07-02T10:00:00.000Z',
            editedAt: null,
          },
        ],
      });
    });

    it('turns an unknown issue into not_found', async () => {
      fake.use(fakeLinear({ ListComments: () => linearErrors(400, [errors.entityNotFound('Issue', 'issue')]) }).handler);
      expect(resultError(await callTool('list_comments', { issueId: 'ENG-404' }))).toMatch(/^not_found: /);
    });
  });

  describe('save_comment', () => {
    it('posts a new comment (a thread reply with parentId) and returns it', async () => {
      const linear = fakeLinear({
        CreateComment: () =>
          linearData({ commentCreate: { success: true, comment: commentNode(COMMENT_ID, 'Ada Lovelace', 'On it.', { parent: { id: 'aaaaaaaa-0000-4000-8000-000000000000' } }) } }),
      });
      fake.use(linear.handler);
      const result = await callTool('save_comment', { issueId: 'ENG-123', body: 'On it.', parentId: 'aaaaaaaa-0000-4000-8000-000000000000' });
      expect(linear.variablesOf('CreateComment')).toEqual([
        { input: { issueId: 'ENG-123', body: 'On it.', parentId: 'aaaaaaaa-0000-4000-8000-000000000000' } },
      ]);
      expect(resultJson(result)).toMatchObject({ action: 'created', id: COMMENT_ID, body: 'On it.', parentId: 'aaaaaaaa-0000-4000-8000-000000000000' });
    });

    it('edits the body of an existing comment', async () => {
      const linear = fakeLinear({
        UpdateComment: () =>
          linearData({ commentUpdate: { success: true, comment: commentNode(COMMENT_ID, 'Ada Lovelace', 'On it (edited).', { editedAt: '2026-07-03T08:00:00.000Z' }) } }),
      });
      fake.use(linear.handler);
      const result = await callTool('save_comment', { id: COMMENT_ID, body: 'On it (edited).' });
      expect(linear.variablesOf('UpdateComment')).toEqual([{ id: COMMENT_ID, input: { body: 'On it (edited).' } }]);
      expect(resultJson(result)).toMatchObject({ action: 'updated', body: 'On it (edited).', editedAt: '2026-07-03T08:00:00.000Z' });
    });

    it.each([
      ['a new comment without issueId', { body: 'Hi' }, 'invalid_input: a new comment needs issueId (or pass id to edit a comment)'],
      ['an edit that also names an issue', { id: COMMENT_ID, issueId: 'ENG-1', body: 'Hi' }, 'invalid_input: an edit changes only the body: omit issueId and parentId when passing id'],
    ])('refuses %s without calling Linear', async (_label, args, message) => {
      expect(resultError(await callTool('save_comment', args))).toBe(message);
    });
  });
});
