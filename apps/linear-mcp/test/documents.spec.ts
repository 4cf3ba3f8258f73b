import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, errors, fakeLinear, linearData, linearErrors } from './fake-upstream';
import { DOCUMENT_ID, PROJECT_ID, documentNode, pageInfo } from './fixtures';

describe('documents toolset', () => {
  const fake = useFakeUpstream();

  describe('list_documents', () => {
    it('filters by project, team and title, newest updates first, without content', async () => {
      const linear = fakeLinear({
        ListDocuments: () => linearData({ documents: { nodes: [documentNode('Checkout spec', { issue: { identifier: 'ENG-123' } })], pageInfo: pageInfo() } }),
      });
      fake.use(linear.handler);
      const result = await callTool('list_documents', { project: PROJECT_ID, team: 'ENG', query: 'spec' });

      expect(linear.variablesOf('ListDocuments')).toEqual([
        {
          first: 25,
          includeArchived: false,
          filter: {
            project: { id: { eq: PROJECT_ID } },
            team: { or: [{ key: { eqIgnoreCase: 'ENG' } }, { name: { eqIgnoreCase: 'ENG' } }] },
            title: { containsIgnoreCase: 'spec' },
          },
        },
      ]);
      expect(linear.received[0]?.query).toContain('orderBy: updatedAt');
      expect(linear.received[0]?.query).not.toContain('content');
      expect(resultJson(result)).toEqual({
        items: [
          {
            id: DOCUMENT_ID,
            title: 'Checkout spec',
            project: 'Web checkout',
            team: null,
            issue: 'ENG-123',
            creator: 'Grace Hopper',
            url: 'https://linear.app/acme/document/checkout-spec-9a8b7c6d5e4f',
            createdAt: '2026-06-02T09:00:00.000Z',
            updatedAt: '2026-07-19T12:00:00.000Z',
          },
        ],
      });
    });

    it('names a project by name, case-insensitively', async () => {
      const linear = fakeLinear({ ListDocuments: () => linearData({ documents: { nodes: [], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      expect(resultJson(await callTool('list_documents', { project: 'Web checkout' }))).toEqual({ items: [] });
      expect(linear.variablesOf('ListDocuments')[0]?.['filter']).toEqual({ project: { name: { eqIgnoreCase: 'Web checkout' } } });
    });
  });

  describe('get_document', () => {
    it('reads a document by its URL (the slug id goes to Linear) with its content capped', async () => {
      const linear = fakeLinear({
        GetDocument: () => linearData({ document: { ...documentNode('Checkout spec'), content: 'd'.repeat(50_005), updatedBy: { name: 'Ada Lovelace' } } }),
      });
      fake.use(linear.handler);
      const result = await callTool('get_document', { id: 'https://linear.app/acme/document/checkout-spec-9a8b7c6d5e4f' });

      expect(linear.variablesOf('GetDocument')).toEqual([{ id: '9a8b7c6d5e4f' }]);
      expect(resultJson(result)).toMatchObject({
        id: DOCUMENT_ID,
        title: 'Checkout spec',
        updatedBy: 'Ada Lovelace',
        content: `${'d'.repeat(50_000)}\n… [truncated: 5 more characters not shown]`,
      });
    });

    it('passes an id through unchanged', async () => {
      const linear = fakeLinear({ GetDocument: () => linearData({ document: { ...documentNode('Notes'), content: null, updatedBy: null } }) });
      fake.use(linear.handler);
      expect(resultJson(await callTool('get_document', { id: DOCUMENT_ID }))).toMatchObject({ content: null, updatedBy: null });
      expect(linear.variablesOf('GetDocument')).toEqual([{ id: DOCUMENT_ID }]);
    });

    it('turns "Entity not found" into not_found', async () => {
      fake.use(fakeLinear({ GetDocument: () => linearErrors(200, [errors.entityNotFound('Document', 'document')]) }).handler);
      expect(resultError(await callTool('get_document', { id: 'missing-0123456789ab' }))).toBe(
        'not_found: Linear found nothing there: Could not find referenced Document.',
      );
    });
  });
});
