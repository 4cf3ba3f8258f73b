import { resultError, resultJson, servedTools, toolCaller, useFakeUpstream } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { HANDLE, column, configuredEnv, resultSet, running, snowflakeError, statementOf, statusRoute, submitRoute } from './fake-upstream';

const writesEnv = {
  ...configuredEnv,
  MCP_ALLOW_DESTRUCTIVE: 'true',
  SNOWFLAKE_WAREHOUSE: 'LOAD_WH',
  SNOWFLAKE_ROLE: 'LOADER',
  SNOWFLAKE_DATABASE: 'SALES',
  SNOWFLAKE_SCHEMA: 'PUBLIC',
};

/** DML answers with its counts as a one-row result, e.g. "number of rows inserted". */
const dmlColumn = (name: string) => column(name, 'fixed', { database: '', schema: '', table: '', nullable: false });

describe('the write policy: execute_sql is destructive, so off unless enabled', () => {
  // No handlers: any request reaching the fake fails the test.
  useFakeUpstream();

  it.each<Record<string, string>>([{}, { SNOWFLAKE_ALLOW_WRITES: 'false' }, { MCP_ALLOW_DESTRUCTIVE: 'true', MCP_READ_ONLY: 'true' }])(
    'is not served, so a call never reaches Snowflake (%j)',
    async (extra) => {
      expect(await servedTools(snowflakeApp, { ...configuredEnv, ...extra })).not.toContain('execute_sql');
      await expect(toolCaller(snowflakeApp, { ...configuredEnv, ...extra })('execute_sql', { sql: 'DELETE FROM orders' })).rejects.toThrow(
        'Tool execute_sql not found',
      );
    },
  );

  it.each<Record<string, string>>([{ MCP_ALLOW_DESTRUCTIVE: 'true' }, { SNOWFLAKE_ALLOW_WRITES: 'true' }])('is served with %j (the old name still works)', async (extra) => {
    expect(await servedTools(snowflakeApp, { ...configuredEnv, ...extra })).toContain('execute_sql');
  });
});

describe('execute_sql with MCP_ALLOW_DESTRUCTIVE=true', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, writesEnv);

  it('submits the statement with the configured context and returns the DML row count', async () => {
    const submit = submitRoute(() => resultSet([dmlColumn('number of rows inserted')], [['3']]));
    fake.use(submit.handler);

    const sql = "INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'new'), (3, 'paid')";
    expect(resultJson(await callTool('execute_sql', { sql }))).toEqual({
      statementHandle: HANDLE,
      status: 'succeeded',
      columns: [{ name: 'number of rows inserted', type: 'NUMBER(38,0)' }],
      rows: [[3]],
      numRows: 1,
      firstRow: 1,
    });
    expect(submit.received).toHaveLength(1);
    expect(submit.received[0]?.query).toMatchObject({ async: 'true', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(submit.received[0]?.body).toEqual({
      statement: sql,
      timeout: 300,
      warehouse: 'LOAD_WH',
      role: 'LOADER',
      database: 'SALES',
      schema: 'PUBLIC',
      parameters: { MULTI_STATEMENT_COUNT: '1' },
    });
  });

  it('per-call context overrides the defaults; DDL answers with its status row', async () => {
    const submit = submitRoute(() => resultSet([column('status', 'text', { database: '', schema: '', table: '' })], [['Table ARCHIVE successfully created.']]));
    fake.use(submit.handler);

    const result = resultJson(
      await callTool('execute_sql', { sql: 'CREATE TABLE archive (id INT)', database: 'STAGING', schema: 'RAW', role: 'SYSADMIN' }),
    );

    expect(result).toMatchObject({ status: 'succeeded', rows: [['Table ARCHIVE successfully created.']] });
    expect(submit.received[0]?.body).toMatchObject({
      statement: 'CREATE TABLE archive (id INT)',
      warehouse: 'LOAD_WH',
      role: 'SYSADMIN',
      database: 'STAGING',
      schema: 'RAW',
    });
  });

  it('a long statement polls its status and answers with the final counts', async () => {
    const submit = submitRoute(() => running());
    const status = statusRoute((_request, call) =>
      call < 2 ? running() : resultSet([dmlColumn('number of rows updated'), dmlColumn('number of multi-joined rows updated')], [['42', '0']]),
    );
    fake.use(submit.handler, status.handler);

    expect(resultJson(await callTool('execute_sql', { sql: "UPDATE orders SET status = 'closed' WHERE created < '2020-01-01'" }))).toMatchObject({
      rows: [[42, 0]],
      statementHandle: HANDLE,
    });
    expect(statementOf(submit.received[0])).toBe("UPDATE orders SET status = 'closed' WHERE created < '2020-01-01'");
    expect(status.received.map((request) => request.path)).toEqual([`/api/v2/statements/${HANDLE}`, `/api/v2/statements/${HANDLE}`]);
  });

  it('still refuses more than one statement, without calling Snowflake', async () => {
    const text = resultError(await callTool('execute_sql', { sql: 'DELETE FROM a; DROP TABLE b' }));
    expect(text).toMatch(/^invalid_input: /);
    expect(text).toMatch(/one statement per call; this SQL has 2/);
  });

  it("422 (insufficient privileges) → invalid_input with Snowflake's message", async () => {
    const submit = submitRoute(() =>
      snowflakeError(422, '003001', "SQL access control error:\nInsufficient privileges to operate on table 'ORDERS'"),
    );
    fake.use(submit.handler);
    expect(resultError(await callTool('execute_sql', { sql: 'TRUNCATE TABLE orders' }))).toBe(
      "invalid_input: Snowflake rejected the request (HTTP 422): SQL access control error:\nInsufficient privileges to operate on table 'ORDERS'.",
    );
    expect(submit.received).toHaveLength(1);
  });
});
