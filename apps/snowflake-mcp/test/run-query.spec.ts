import { resultError, resultJson, toolCaller, useFakeUpstream } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import {
  HANDLE,
  column,
  configuredEnv,
  partitionData,
  resultSet,
  running,
  snowflakeError,
  statementOf,
  statusRoute,
  submitRoute,
} from './fake-upstream';

describe('run_query', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('submits one statement with MULTI_STATEMENT_COUNT=1 and the context, and returns the 200 ResultSet as typed rows', async () => {
    const submit = submitRoute(() =>
      resultSet(
        [column('ID', 'fixed'), column('NAME', 'text'), column('ACTIVE', 'boolean')],
        [
          ['1', 'Ada', 'true'],
          ['2', null, 'false'],
        ],
      ),
    );
    fake.use(submit.handler);

    const result = await callTool('run_query', { sql: 'SELECT id, name, active FROM customers', warehouse: 'REPORTING_WH' });

    expect(resultJson(result)).toEqual({
      statementHandle: HANDLE,
      status: 'succeeded',
      columns: [
        { name: 'ID', type: 'NUMBER(38,0)' },
        { name: 'NAME', type: 'VARCHAR' },
        { name: 'ACTIVE', type: 'BOOLEAN' },
      ],
      rows: [
        [1, 'Ada', true],
        [2, null, false],
      ],
      numRows: 2,
      firstRow: 1,
    });
    expect(submit.received).toHaveLength(1);
    const [request] = submit.received;
    expect(request?.query).toMatchObject({ async: 'true' });
    expect(request?.query['requestId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request?.body).toEqual({
      statement: 'SELECT id, name, active FROM customers',
      timeout: 300,
      warehouse: 'REPORTING_WH',
      parameters: { MULTI_STATEMENT_COUNT: '1' },
    });
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.headers.get('user-agent')).toMatch(/^sophia-snowflake-mcp\//);
  });

  it('converts cells by rowType: NUMBER with scale, big NUMBER, FLOAT, DATE, TIME, TIMESTAMP_NTZ/LTZ/TZ, VARIANT, ARRAY', async () => {
    fake.use(
      submitRoute(() =>
        resultSet(
          [
            column('PRICE', 'fixed', { precision: 10, scale: 2 }),
            column('BIG', 'fixed'),
            column('RATIO', 'real'),
            column('DAY', 'date'),
            column('AT', 'time', { scale: 9 }),
            column('NTZ', 'timestamp_ntz', { scale: 9 }),
            column('LTZ', 'timestamp_ltz', { scale: 9 }),
            column('TZ', 'timestamp_tz', { scale: 9 }),
            column('PAYLOAD', 'variant'),
            column('TAGS', 'array'),
          ],
          [
            [
              '19.99',
              '12345678901234567890',
              '0.25',
              '19723',
              '45296.500000000',
              '1704112496.123000000',
              '1704112496.000000000',
              '1704112496.000000000 1560',
              '{\n  "a": 1\n}',
              '[\n  "x",\n  "y"\n]',
            ],
          ],
        ),
      ).handler,
    );

    const { rows, columns } = resultJson(await callTool('run_query', { sql: 'SELECT * FROM typed' })) as {
      rows: unknown[][];
      columns: { type: string }[];
    };

    expect(rows[0]).toEqual([
      19.99,
      '12345678901234567890',
      0.25,
      '2024-01-01',
      '12:34:56.5',
      '2024-01-01T12:34:56.123',
      '2024-01-01T12:34:56.000Z',
      '2024-01-01T14:34:56.000+02:00',
      { a: 1 },
      ['x', 'y'],
    ]);
    expect(columns[0]?.type).toBe('NUMBER(10,2)');
  });

  it('cuts long text cells with a visible marker (SNOWFLAKE_MAX_CELL_CHARS)', async () => {
    fake.use(submitRoute(() => resultSet([column('BODY', 'text')], [['x'.repeat(50)]])).handler);
    const { rows } = resultJson(
      await toolCaller(snowflakeApp, { ...configuredEnv, SNOWFLAKE_MAX_CELL_CHARS: '10' })('run_query', { sql: 'SELECT body FROM t' }),
    ) as { rows: string[][] };
    expect(rows[0]?.[0]).toBe(`${'x'.repeat(10)}\n… [truncated: 40 more characters not shown]`);
  });

  it('202 + statementHandle: polls GET /api/v2/statements/{handle} until the 200 result', async () => {
    const submit = submitRoute(() => running());
    const status = statusRoute((_request, call) => (call < 3 ? running() : resultSet([column('N', 'fixed')], [['42']])));
    fake.use(submit.handler, status.handler);

    const result = await callTool('run_query', { sql: 'SELECT COUNT(*) AS n FROM big_table' });

    expect(resultJson(result)).toMatchObject({ status: 'succeeded', rows: [[42]], statementHandle: HANDLE });
    expect(status.received.map((request) => request.path)).toEqual(Array(3).fill(`/api/v2/statements/${HANDLE}`));
  });

  it('a statement still running after SNOWFLAKE_MAX_WAIT_MS answers "running" with its handle', async () => {
    const status = statusRoute(() => running());
    fake.use(submitRoute(() => running()).handler, status.handler);

    const result = await toolCaller(snowflakeApp, { ...configuredEnv, SNOWFLAKE_MAX_WAIT_MS: '100' })('run_query', {
      sql: 'SELECT * FROM huge',
    });

    expect(resultJson(result)).toEqual({
      statementHandle: HANDLE,
      status: 'running',
      message: expect.stringContaining('get_query_status'),
    });
    expect(status.received.length).toBeGreaterThan(0);
  });

  it('pages a multi-partition result: first page + cursor, then get_query_status reads the next rows and partitions', async () => {
    const rowType = [column('ID', 'fixed'), column('CITY', 'text')];
    const partition0 = [['1', 'Oslo'], ['2', 'Lima'], ['3', 'Kyiv']];
    fake.use(submitRoute(() => resultSet(rowType, partition0, { partitions: [3, 2] })).handler);
    const partitions = statusRoute((request) =>
      request.query['partition'] === '1' ? partitionData([['4', 'Pune'], ['5', 'Baku']]) : resultSet(rowType, partition0, { partitions: [3, 2] }),
    );
    fake.use(partitions.handler);

    const first = resultJson(await callTool('run_query', { sql: 'SELECT id, city FROM cities', limit: 2 })) as {
      rows: unknown[][];
      nextCursor: string;
      note: string;
      numRows: number;
    };
    expect(first).toMatchObject({ rows: [[1, 'Oslo'], [2, 'Lima']], numRows: 5, firstRow: 1 });
    expect(first.note).toBe('rows 1-2 of 5; pass nextCursor to get_query_status for the next page.');

    // the rest of partition 0
    const second = resultJson(await callTool('get_query_status', { cursor: first.nextCursor, limit: 2 })) as {
      rows: unknown[][];
      nextCursor: string;
    };
    expect(second).toMatchObject({ rows: [[3, 'Kyiv']], firstRow: 3, columns: [{ name: 'ID' }, { name: 'CITY' }] });

    // partition 1, typed with the rowType carried in the cursor
    const third = resultJson(await callTool('get_query_status', { cursor: second.nextCursor, limit: 2 }));
    expect(third).toMatchObject({ rows: [[4, 'Pune'], [5, 'Baku']], firstRow: 4 });
    expect(third).not.toHaveProperty('nextCursor');
    expect(partitions.received.map((request) => request.query)).toEqual([{ partition: '0' }, { partition: '1' }]);
  });

  it('rejects a garbled cursor as invalid_input without calling Snowflake', async () => {
    expect(resultError(await callTool('get_query_status', { cursor: 'not-a-cursor' }))).toMatch(/^invalid_input: cursor is not valid/);
  });

  it("422 SQL compilation error → invalid_input with Snowflake's message", async () => {
    fake.use(
      submitRoute(() =>
        snowflakeError(422, '002003', "SQL compilation error:\nObject 'SALES.PUBLIC.NOPE' does not exist or not authorized."),
      ).handler,
    );
    expect(resultError(await callTool('run_query', { sql: 'SELECT * FROM sales.public.nope' }))).toBe(
      "invalid_input: Snowflake rejected the request (HTTP 422): SQL compilation error:\nObject 'SALES.PUBLIC.NOPE' does not exist or not authorized.",
    );
  });

  it('a failed async statement surfaces its 422 when polled', async () => {
    fake.use(
      submitRoute(() => running()).handler,
      statusRoute(() => snowflakeError(422, '100038', "Numeric value 'abc' is not recognized")).handler,
    );
    expect(resultError(await callTool('run_query', { sql: 'SELECT CAST(x AS INT) FROM t' }))).toBe(
      "invalid_input: Snowflake rejected the request (HTTP 422): Numeric value 'abc' is not recognized.",
    );
  });
});

describe('run_query read-only guard', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it.each([
    'select 1',
    '  -- leading comment\nSELECT 1;',
    '/* block; with semicolon */ SHOW TABLES',
    'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent',
    "SELECT 'DROP TABLE x; DELETE FROM y' AS text",
    'SELECT "weird;name" FROM t',
    'SELECT $$ ; INSERT $$',
    '(SELECT 1)',
    'DESC TABLE orders',
    'DESCRIBE VIEW v',
    'EXPLAIN SELECT * FROM orders',
    'LIST @my_stage',
    'select 1 // trailing comment ; drop',
  ])('lets %j through to Snowflake', async (sql) => {
    const submit = submitRoute(() => resultSet([column('X', 'text')], [['ok']]));
    fake.use(submit.handler);
    expect(resultJson(await callTool('run_query', { sql }))).toMatchObject({ status: 'succeeded' });
    expect(statementOf(submit.received[0])).toBe(sql);
  });

  it.each([
    ['DELETE FROM orders', /DELETE statements are not allowed/],
    ['drop table orders', /DROP statements are not allowed/],
    ['SELECT 1; DROP TABLE orders', /one statement per call; this SQL has 2/],
    ['COMMIT; CREATE TABLE t (x int)', /one statement per call/],
    ['/* SELECT */ INSERT INTO t VALUES (1)', /INSERT statements are not allowed/],
    ['-- SELECT\nUPDATE t SET x = 1', /UPDATE statements are not allowed/],
    ['WITH x AS (SELECT 1) DELETE FROM t', /may only end in SELECT, not DELETE/],
    ['CALL my_proc()', /CALL statements are not allowed/],
    ['USE ROLE ACCOUNTADMIN', /USE statements are not allowed/],
    ['GRANT ROLE r TO USER u', /GRANT statements are not allowed/],
    ["SELECT 'unterminated", /unterminated string literal/],
    ['-- only a comment', /contains no statement/],
  ])('refuses %j without calling Snowflake', async (sql, message) => {
    // No handler: any request to the fake would fail the test.
    const text = resultError(await callTool('run_query', { sql }));
    expect(text).toMatch(/^invalid_input: /);
    expect(text).toMatch(message);
  });

  it('names execute_sql and MCP_ALLOW_DESTRUCTIVE in the refusal', async () => {
    expect(resultError(await callTool('run_query', { sql: 'TRUNCATE TABLE t' }))).toContain(
      'Writes go through execute_sql, which the server serves only with MCP_ALLOW_DESTRUCTIVE=true.',
    );
  });
});
