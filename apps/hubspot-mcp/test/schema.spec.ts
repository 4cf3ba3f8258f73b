import { HttpResponse, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, route, structured } from './fake-upstream';
import { property } from './fixtures/crm';

describe('list_properties', () => {
  const fake = useFakeUpstream();
  const countries = Array.from({ length: 60 }, (_, i) => ({ label: `Country ${i}`, value: `c${i}`, displayOrder: i, hidden: false }));
  const properties = [
    property('email', { label: 'Email', hasUniqueValue: true }),
    property('hs_object_id', { label: 'Record ID', type: 'number', modificationMetadata: { readOnlyValue: true } }),
    property('lifecyclestage', {
      label: 'Lifecycle Stage',
      type: 'enumeration',
      fieldType: 'radio',
      options: [
        { label: 'Lead', value: 'lead', displayOrder: 0, hidden: false },
        { label: 'Customer', value: 'customer', displayOrder: 1, hidden: false },
        { label: 'Old', value: 'old', displayOrder: 2, hidden: true },
      ],
    }),
    property('country_code', { type: 'enumeration', groupName: 'address', options: countries }),
    property('hs_internal_flag', { hidden: true }),
  ];

  it('answers the internal names, types, flags and enumeration values, hidden ones left out', async () => {
    const list = route('get', '/crm/v3/properties/contacts', () => HttpResponse.json({ results: properties }));
    fake.use(list.handler);

    const result = structured('list_properties', await callTool('list_properties', { objectType: 'contacts' }));
    const byName = Object.fromEntries((result['results'] as Array<{ name: string; options?: unknown[] }>).map((p) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(['email', 'hs_object_id', 'lifecyclestage', 'country_code']);
    expect(byName['email']).toEqual({ name: 'email', label: 'Email', type: 'string', fieldType: 'text', group: 'contactinformation', unique: true });
    expect(byName['hs_object_id']).toMatchObject({ readOnly: true });
    expect(byName['lifecyclestage']).toMatchObject({ options: [{ value: 'lead', label: 'Lead' }, { value: 'customer', label: 'Customer' }] });
    expect(byName['country_code']).toMatchObject({ moreOptions: 10 });
    expect(byName['country_code']?.options).toHaveLength(50);
  });

  it('filters by text and pages the filtered list with our own cursor', async () => {
    fake.use(route('get', '/crm/v3/properties/contacts', () => HttpResponse.json({ results: properties })).handler);

    const names = (result: Record<string, unknown>) => (result['results'] as Array<{ name: string }>).map((p) => p.name);
    const pageOf = async (cursor?: unknown) =>
      structured('list_properties', await callTool('list_properties', { objectType: 'contacts', includeHidden: true, limit: 2, cursor }));
    const first = await pageOf();
    const second = await pageOf(first['nextCursor']);
    const third = await pageOf(second['nextCursor']);
    expect([names(first), names(second), names(third)]).toEqual([
      ['email', 'hs_object_id'],
      ['lifecyclestage', 'country_code'],
      ['hs_internal_flag'],
    ]);
    expect(third['nextCursor']).toBeUndefined();
    const byGroup = structured('list_properties', await callTool('list_properties', { objectType: 'contacts', search: 'ADDRESS' }));
    expect(names(byGroup)).toEqual(['country_code']);
  });
});

describe('list_pipelines', () => {
  const fake = useFakeUpstream();

  it('lists live pipelines and stages in board order with probability and closed flags', async () => {
    const stage = (id: string, displayOrder: number, metadata: Record<string, string>, archived = false) => ({
      id, label: id.toUpperCase(), displayOrder, metadata, archived,
      createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z',
    });
    const pipelines = route('get', '/crm/v3/pipelines/deals', () =>
      HttpResponse.json({
        results: [
          { id: 'enterprise', label: 'Enterprise', displayOrder: 1, archived: false, stages: [stage('won', 1, { isClosed: 'true', probability: '1.0' }), stage('intro', 0, { isClosed: 'false', probability: '0.1' })] },
          { id: 'default', label: 'Sales Pipeline', displayOrder: 0, archived: false, stages: [stage('appointmentscheduled', 0, { isClosed: 'false', probability: '0.2' }), stage('gone', 1, { isClosed: 'false', probability: '0.5' }, true)] },
          { id: 'old', label: 'Old', displayOrder: 2, archived: true, stages: [] },
        ],
      }),
    );
    fake.use(pipelines.handler);

    expect(structured('list_pipelines', await callTool('list_pipelines', {}))).toEqual({
      results: [
        { id: 'default', label: 'Sales Pipeline', stages: [{ id: 'appointmentscheduled', label: 'APPOINTMENTSCHEDULED', probability: 0.2, closed: false }] },
        {
          id: 'enterprise',
          label: 'Enterprise',
          stages: [
            { id: 'intro', label: 'INTRO', probability: 0.1, closed: false },
            { id: 'won', label: 'WON', probability: 1, closed: true },
          ],
        },
      ],
    });
  });

  it('reads ticket stages with their ticketState', async () => {
    fake.use(
      route('get', '/crm/v3/pipelines/tickets', () =>
        HttpResponse.json({ results: [{ id: '0', label: 'Support', displayOrder: 0, archived: false, stages: [{ id: '1', label: 'New', displayOrder: 0, archived: false, metadata: { ticketState: 'OPEN' } }] }] }),
      ).handler,
    );
    expect(structured('list_pipelines', await callTool('list_pipelines', { objectType: 'tickets' }))).toEqual({
      results: [{ id: '0', label: 'Support', stages: [{ id: '1', label: 'New', ticketState: 'OPEN' }] }],
    });
  });
});
