import { resultError, resultJson, toolCaller, useFakeUpstream } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { HANDLE, cancelRoute, column, configuredEnv, resultSet, running, snowflakeError, statusRoute, tokenEnv } from './fake-upstream';

const OTHER = '01b2c3d4-0000-4a5b-0000-00010002ffff';

describe('get_query_status with a statementHandle', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('202 code 333334 → status "running" with the handle, after one GET of /api/v2/statements/{handle}', async () => {
    const status = statusRoute(() => running(OTHER));
    fake.use(status.handler);

    expect(resultJson(await callTool('get_query_status', { statementHandle: OTHER }))).toEqual({
      statementHandle: OTHER,
      status: 'running',
      message: expect.stringContaining('get_query_status'),
    });
    expect(status.received).toHaveLength(1);
    expect(status.received[0]).toMatchObject({ method: 'GET', path: `/api/v2/statements/${OTHER}`, query: {}, body: undefined });
    expect(status.received[0]?.headers.get('authorization')).toMatch(/^Bearer ey/);
    expect(status.received[0]?.headers.get('accept')).toBe('application/json');
  });

  it('200 → the first page exactly like run_query, with a cursor when there are more rows', async () => {
    const status = statusRoute(() =>
      resultSet([column('ID', 'fixed'), column('NAME', 'text')], [['1', 'Ada'], ['2', 'Grace'], ['3', 'Edsger']]),
    );
    fake.use(status.handler);

    const result = resultJson(await callTool('get_query_status', { statementHandle: HANDLE, limit: 2 }));

    expect(result).toEqual({
      statementHandle: HANDLE,
      status: 'succeeded',
      columns: [
        { name: 'ID', type: 'NUMBER(38,0)' },
        { name: 'NAME', type: 'VARCHAR' },
      ],
      rows: [
        [1, 'Ada'],
        [2, 'Grace'],
      ],
      numRows: 3,
      firstRow: 1,
      nextCursor: expect.any(String),
      note: 'rows 1-2 of 3; pass nextCursor to get_query_status for the next page.',
    });
    expect(status.received.map((request) => [request.path, request.query])).toEqual([[`/api/v2/statements/${HANDLE}`, {}]]);
  });

  it("422 (the statement failed) → invalid_input with Snowflake's message", async () => {
    const status = statusRoute(() => snowflakeError(422, '100038', "Numeric value 'abc' is not recognized"));
    fake.use(status.handler);

    expect(resultError(await callTool('get_query_status', { statementHandle: HANDLE }))).toBe(
      "invalid_input: Snowflake rejected the request (HTTP 422): Numeric value 'abc' is not recognized.",
    );
    expect(status.received).toHaveLength(1);
  });

  it('retries a 503 on the status GET (idempotent), then answers', async () => {
    const status = statusRoute((_request, call) =>
      call === 1 ? snowflakeError(503, '390500', 'Service unavailable.') : resultSet([column('N', 'fixed')], [['7']]),
    );
    fake.use(status.handler);
    expect(resultJson(await callTool('get_query_status', { statementHandle: HANDLE }))).toMatchObject({ rows: [[7]] });
    expect(status.received).toHaveLength(2);
  });

  it('without statementHandle or cursor → invalid_input, nothing sent', async () => {
    expect(resultError(await callTool('get_query_status', {}))).toBe(
      'invalid_input: pass statementHandle (to check a statement) or cursor (for the next page).',
    );
  });

  it('refuses a handle that is not a Snowflake statement handle before building a URL from it', async () => {
    const result = await callTool('get_query_status', { statementHandle: '../../session' });
    expect(resultError(result)).toMatch(/statementHandle/);
  });
});

describe('cancel_query', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('POSTs /api/v2/statements/{handle}/cancel and returns Snowflake’s message', async () => {
    const cancel = cancelRoute(() =>
      Response.json({
        code: '000000',
        sqlState: '00000',
        message: 'successfully executed',
        statementHandle: HANDLE,
        statementStatusUrl: `/api/v2/statements/${HANDLE}`,
      }),
    );
    fake.use(cancel.handler);

    expect(resultJson(await callTool('cancel_query', { statementHandle: HANDLE }))).toEqual({
      statementHandle: HANDLE,
      cancelled: true,
      message: 'successfully executed',
    });
    expect(cancel.received).toHaveLength(1);
    expect(cancel.received[0]).toMatchObject({ method: 'POST', path: `/api/v2/statements/${HANDLE}/cancel`, query: {} });
    expect(cancel.received[0]?.headers.get('x-snowflake-authorization-token-type')).toBe('KEYPAIR_JWT');
  });

  it('sends the token credential too', async () => {
    const cancel = cancelRoute(() => Response.json({ code: '000000', message: 'successfully executed', statementHandle: HANDLE }));
    fake.use(cancel.handler);
    expect(resultJson(await callTool('cancel_query', { statementHandle: HANDLE }, tokenEnv))).toMatchObject({ cancelled: true });
    expect(cancel.received[0]?.headers.get('authorization')).toBe('Bearer pat-secret-000000');
  });

  it('404 unknown handle → not_found, and the POST is not retried', async () => {
    const cancel = cancelRoute(() => snowflakeError(404, '333333', `Statement ${OTHER} not found`));
    fake.use(cancel.handler);
    expect(resultError(await callTool('cancel_query', { statementHandle: OTHER }))).toBe(
      `not_found: Snowflake found nothing there (HTTP 404): Statement ${OTHER} not found.`,
    );
    expect(cancel.received).toHaveLength(1);
  });

  it('a 503 on cancel is not retried (POST)', async () => {
    const cancel = cancelRoute(() => snowflakeError(503, '390500', 'Service unavailable.'));
    fake.use(cancel.handler);
    expect(resultError(await callTool('cancel_query', { statementHandle: HANDLE }))).toMatch(/HTTP 503/);
    expect(cancel.received).toHaveLength(1);
  });
});
