import { HttpResponse, resultError, servedTools, useFakeUpstream } from '@sophia/mcp-testing';
import { hubspotApp } from '../src/app';
import { callTool, configuredEnv, hubspotError, route, structured, writesEnv } from './fake-upstream';
import { contact } from './fixtures/crm';

const WRITES = ['upsert_crm_object', 'create_note'];

describe('the write policy: read-only by default, MCP_READ_ONLY=false serves notes, upserts also need MCP_ALLOW_DESTRUCTIVE=true', () => {
  // No handlers: any request reaching the fake fails the test.
  useFakeUpstream();

  it.each<Record<string, string>>([{}, { MCP_ALLOW_DESTRUCTIVE: 'true' }, { MCP_ALLOW_DESTRUCTIVE: 'true', MCP_READ_ONLY: 'true' }])('hides both writes with %j', async (extra) => {
    const names = await servedTools(hubspotApp, { ...configuredEnv, ...extra });
    for (const write of WRITES) expect(names).not.toContain(write);
    await expect(callTool('upsert_crm_object', { objectType: 'contacts', properties: { firstname: 'Ada' } }, { ...configuredEnv, ...extra })).rejects.toThrow(
      'Tool upsert_crm_object not found',
    );
  });

  it('serves create_note, not the overwriting upsert, with MCP_READ_ONLY=false', async () => {
    const names = await servedTools(hubspotApp, { ...configuredEnv, MCP_READ_ONLY: 'false' });
    expect(names).toContain('create_note');
    expect(names).not.toContain('upsert_crm_object');
  });

  it('serves both with MCP_READ_ONLY=false and MCP_ALLOW_DESTRUCTIVE=true', async () => {
    expect(await servedTools(hubspotApp, writesEnv)).toEqual(expect.arrayContaining(WRITES));
  });
});

describe('upsert_crm_object', () => {
  const fake = useFakeUpstream();
  const upsert = (args: Record<string, unknown>) => callTool('upsert_crm_object', args, writesEnv);

  it('without id creates the record (POST) with the properties as strings', async () => {
    const create = route('post', '/crm/v3/objects/contacts', () => HttpResponse.json(contact('77', { email: 'ada@example.com' }), { status: 201 }));
    fake.use(create.handler);

    const result = structured('upsert_crm_object', await upsert({ objectType: 'contacts', properties: { email: 'ada@example.com', hs_lead_score: 40, newsletter: true } }));
    expect(create.received[0]?.body).toEqual({ properties: { email: 'ada@example.com', hs_lead_score: '40', newsletter: 'true' } });
    expect(result).toMatchObject({ action: 'created', record: { id: '77' } });
  });

  it('with a record id updates it (PATCH)', async () => {
    const update = route('patch', '/crm/v3/objects/deals/101', () => HttpResponse.json(contact('101', { dealstage: 'closedwon' })));
    fake.use(update.handler);

    expect(structured('upsert_crm_object', await upsert({ objectType: 'deals', id: '101', properties: { dealstage: 'closedwon' } }))).toMatchObject({
      action: 'updated',
      record: { id: '101', properties: expect.objectContaining({ dealstage: 'closedwon' }) },
    });
    expect(update.received[0]?.body).toEqual({ properties: { dealstage: 'closedwon' } });
  });

  it('with id and idProperty upserts by the unique value (batch/upsert) and says whether it created', async () => {
    const batch = route('post', '/crm/v3/objects/contacts/batch/upsert', () =>
      HttpResponse.json({ status: 'COMPLETE', results: [{ ...contact('88'), new: true }], startedAt: '2026-04-11T08:00:00Z', completedAt: '2026-04-11T08:00:01Z' }),
    );
    fake.use(batch.handler);

    const result = structured('upsert_crm_object', await upsert({ objectType: 'contacts', id: 'ada@example.com', idProperty: 'email', properties: { firstname: 'Ada' } }));
    expect(batch.received[0]?.body).toEqual({ inputs: [{ id: 'ada@example.com', idProperty: 'email', properties: { firstname: 'Ada' } }] });
    expect(result).toMatchObject({ action: 'created', record: { id: '88' } });
  });

  it('refuses a non-numeric id without idProperty, and idProperty without id, before any request', async () => {
    expect(resultError(await upsert({ objectType: 'contacts', id: 'ada@example.com', properties: { firstname: 'Ada' } }))).toContain('give idProperty');
    expect(resultError(await upsert({ objectType: 'contacts', idProperty: 'email', properties: { firstname: 'Ada' } }))).toContain('idProperty needs id');
    expect(resultError(await upsert({ objectType: 'contacts', properties: {} }))).toContain('give 1 to 100 properties');
  });

  it.each([
    ['503', () => hubspotError(503, 'Service Unavailable')],
    ['429 with a short Retry-After', () => hubspotError(429, 'You have reached your secondly limit.', { policyName: 'SECONDLY', headers: { 'retry-after': '1' } })],
  ])('is never sent twice: a %s fails the call after one request', async (_name, answer) => {
    const create = route('post', '/crm/v3/objects/contacts', answer);
    fake.use(create.handler);
    expect(resultError(await upsert({ objectType: 'contacts', properties: { email: 'ada@example.com' } }))).toMatch(/^(upstream_error|rate_limited): /);
    expect(create.received).toHaveLength(1);
  });

  it('a property value HubSpot refuses → invalid_input naming the reason', async () => {
    fake.use(
      route('patch', '/crm/v3/objects/contacts/51', () =>
        hubspotError(400, 'Property values were not valid: [{"isValid":false,"message":"lead is not a valid option","name":"lifecyclestage"}]', {
          category: 'VALIDATION_ERROR',
        }),
      ).handler,
    );
    expect(resultError(await upsert({ objectType: 'contacts', id: '51', properties: { lifecyclestage: 'lead' } }))).toMatch(
      /^invalid_input: HubSpot rejected the request \(HTTP 400\): Property values were not valid: .*lead is not a valid option/,
    );
  });
});

describe('create_note', () => {
  const fake = useFakeUpstream();
  const note = (args: Record<string, unknown>) => callTool('create_note', args, writesEnv);

  it('creates the note with hs_timestamp and HubSpot-defined associations to each record', async () => {
    const create = route('post', '/crm/v3/objects/notes', () =>
      HttpResponse.json({ id: '5001', properties: { hs_note_body: 'Call summary', hs_timestamp: '2026-04-11T09:30:00Z' }, createdAt: '2026-04-11T09:31:00Z', updatedAt: '2026-04-11T09:31:00Z', archived: false }, { status: 201 }),
    );
    fake.use(create.handler);

    const result = structured(
      'create_note',
      await note({
        body: 'Call summary',
        timestamp: '2026-04-11T09:30:00Z',
        ownerId: '12345',
        associations: [
          { objectType: 'contacts', id: '51' },
          { objectType: 'deals', id: '101' },
          { objectType: '2-3456789', id: '9', associationTypeId: 77 },
        ],
      }),
    );

    expect(create.received[0]?.body).toEqual({
      properties: { hs_note_body: 'Call summary', hs_timestamp: '2026-04-11T09:30:00Z', hubspot_owner_id: '12345' },
      associations: [
        { to: { id: '51' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] },
        { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] },
        { to: { id: '9' }, types: [{ associationCategory: 'USER_DEFINED', associationTypeId: 77 }] },
      ],
    });
    expect(result).toEqual({
      id: '5001',
      timestamp: '2026-04-11T09:30:00Z',
      body: 'Call summary',
      associatedWith: [
        { objectType: 'contacts', id: '51' },
        { objectType: 'deals', id: '101' },
        { objectType: '2-3456789', id: '9' },
      ],
    });
  });

  it('a custom object without associationTypeId is refused before any request', async () => {
    expect(resultError(await note({ body: 'x', associations: [{ objectType: '2-3456789', id: '9' }] }))).toBe(
      'invalid_input: associations: give associationTypeId for 2-3456789 (HubSpot defines note associations only for contacts, companies, deals, tickets).',
    );
  });

  it('is never sent twice: a 502 fails the call after one request', async () => {
    const create = route('post', '/crm/v3/objects/notes', () => hubspotError(502, 'Bad Gateway'));
    fake.use(create.handler);
    expect(resultError(await note({ body: 'x', associations: [{ objectType: 'tickets', id: '3' }] }))).toBe('upstream_error: HubSpot failed (HTTP 502): Bad Gateway.');
    expect(create.received).toHaveLength(1);
  });
});
