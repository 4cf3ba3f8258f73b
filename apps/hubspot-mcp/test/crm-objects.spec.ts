import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { PROPERTY_MAX_CHARS } from '../src/records';
import { callTool, configuredEnv, route, structured } from './fake-upstream';
import { contact, page } from './fixtures/crm';

describe('list_crm_objects', () => {
  const fake = useFakeUpstream();

  it('sends limit, after, properties and archived as query parameters and follows paging.next.after across pages', async () => {
    const list = route('get', '/crm/v3/objects/contacts', (request) =>
      HttpResponse.json(request.query['after'] === '3' ? page([contact('3')]) : page([contact('1'), contact('2')], '3')),
    );
    fake.use(list.handler);

    const first = structured('list_crm_objects', await callTool('list_crm_objects', { objectType: 'contacts', properties: ['email', 'phone'], limit: 2 }));
    expect(first['results']).toEqual([expect.objectContaining({ id: '1' }), expect.objectContaining({ id: '2' })]);
    const second = structured(
      'list_crm_objects',
      await callTool('list_crm_objects', { objectType: 'contacts', properties: ['email', 'phone'], limit: 2, cursor: first['nextCursor'] }),
    );
    expect(second).toEqual({ results: [expect.objectContaining({ id: '3' })] });
    expect(list.received.map((request) => request.query)).toEqual([
      { limit: '2', properties: 'email,phone', archived: 'false' },
      { limit: '2', after: '3', properties: 'email,phone', archived: 'false' },
    ]);
  });

  it('caps each long property value with a marker, so one huge value cannot crowd out the rest', async () => {
    const huge = 'x'.repeat(PROPERTY_MAX_CHARS + 500);
    fake.use(route('get', '/crm/v3/objects/notes', () => HttpResponse.json(page([contact('7', { hs_note_body: huge })]))).handler);

    const result = structured('list_crm_objects', await callTool('list_crm_objects', { objectType: 'notes' }));
    const body = (result['results'] as Array<{ properties: Record<string, string> }>)[0]?.properties['hs_note_body'];
    expect(body?.startsWith('x'.repeat(PROPERTY_MAX_CHARS))).toBe(true);
    expect(body).toContain('[truncated: 500 more characters not shown]');
  });

  it('a whole answer over MCP_MAX_RESULT_BYTES is refused with advice to narrow it', async () => {
    const many = Array.from({ length: 100 }, (_, i) => contact(String(i + 1), { about: 'y'.repeat(1_900) }));
    fake.use(route('get', '/crm/v3/objects/contacts', () => HttpResponse.json(page(many))).handler);

    const result = await callTool('list_crm_objects', { objectType: 'contacts', limit: 100 }, { ...configuredEnv, MCP_MAX_RESULT_BYTES: '100000' });
    expect(resultError(result)).toMatch(/^invalid_input: the result of list_crm_objects is \d+ bytes, over the 100000-byte cap .*Narrow the request/);
  });

  it('rejects an object type that could escape the path before any request', async () => {
    expect(resultError(await callTool('list_crm_objects', { objectType: '../owners' }))).toMatch(/^invalid_input: [^]*at objectType/);
  });
});

describe('get_crm_objects', () => {
  const fake = useFakeUpstream();

  it('batch-reads by unique property and lists the ids HubSpot did not find (207 multi-status)', async () => {
    const batch = route('post', '/crm/v3/objects/contacts/batch/read', () =>
      HttpResponse.json(
        {
          status: 'COMPLETE',
          results: [contact('51', { email: 'ada@example.com' })],
          numErrors: 1,
          errors: [
            {
              status: 'error',
              category: 'OBJECT_NOT_FOUND',
              message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
              context: { ids: ['nobody@example.com'] },
            },
          ],
          startedAt: '2026-04-11T08:00:00.000Z',
          completedAt: '2026-04-11T08:00:00.100Z',
        },
        { status: 207 },
      ),
    );
    fake.use(batch.handler);

    const result = await callTool('get_crm_objects', {
      objectType: 'contacts',
      ids: ['ada@example.com', 'nobody@example.com'],
      idProperty: 'email',
      properties: ['email', 'firstname'],
    });

    expect(batch.received[0]?.body).toEqual({
      inputs: [{ id: 'ada@example.com' }, { id: 'nobody@example.com' }],
      idProperty: 'email',
      properties: ['email', 'firstname'],
    });
    expect(structured('get_crm_objects', result)).toEqual({
      results: [expect.objectContaining({ id: '51', properties: expect.objectContaining({ email: 'ada@example.com' }) })],
      notFound: ['nobody@example.com'],
    });
  });

  it('refuses more than 100 ids before any request', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => String(i + 1));
    expect(resultError(await callTool('get_crm_objects', { objectType: 'deals', ids }))).toMatch(/^invalid_input: [^]*<=100 items[^]*at ids/);
  });
});
