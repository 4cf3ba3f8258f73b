import { HttpResponse, describeStructuredContent, outputOf, recordedRoute, resultJson, structuredContent, toolCaller, useFakeUpstream } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { snowflakeTools } from '../src/tools';
import { API_URL, HANDLE, cancelRoute, column, configuredEnv, resultSet, running, showColumn, statementOf, statusRoute, submitRoute } from './fake-upstream';

/** Every tool served: writes and Cortex Analyst on. */
const env = { ...configuredEnv, MCP_READ_ONLY: 'false', MCP_ALLOW_DESTRUCTIVE: 'true', SNOWFLAKE_CORTEX_ANALYST: 'true' };
const CREATED = '1704112496.123000000';

/** One documented answer per statement the tools send, chosen by its first words. */
function answerFor(statement: string): Response {
  if (statement.startsWith('SHOW DATABASES')) {
    return resultSet([showColumn('created_on', 'timestamp_ltz'), showColumn('name'), showColumn('owner'), showColumn('comment'), showColumn('kind')], [
      [CREATED, 'SALES', 'SYSADMIN', '', 'STANDARD'],
    ]);
  }
  if (statement.startsWith('SHOW SCHEMAS')) {
    return resultSet([showColumn('created_on', 'timestamp_ltz'), showColumn('name'), showColumn('owner'), showColumn('comment')], [[CREATED, 'PUBLIC', 'SYSADMIN', null]]);
  }
  if (statement.startsWith('SHOW OBJECTS')) {
    return resultSet(
      [showColumn('created_on', 'timestamp_ltz'), showColumn('name'), showColumn('kind'), showColumn('rows', 'fixed'), showColumn('bytes', 'fixed'), showColumn('owner'), showColumn('comment')],
      [[CREATED, 'ORDERS', 'TABLE', '12', '4096', 'SYSADMIN', 'Orders']],
    );
  }
  if (statement.startsWith('SHOW SEMANTIC VIEWS')) {
    return resultSet(
      [showColumn('created_on', 'timestamp_ltz'), showColumn('name'), showColumn('database_name'), showColumn('schema_name'), showColumn('comment'), showColumn('owner')],
      [[CREATED, 'ORDERS_SV', 'SALES', 'PUBLIC', '', 'ANALYST']],
    );
  }
  if (statement.startsWith('DESCRIBE TABLE')) {
    return resultSet([showColumn('name'), showColumn('type'), showColumn('null?'), showColumn('default'), showColumn('primary key'), showColumn('comment')], [
      ['ID', 'NUMBER(38,0)', 'N', null, 'Y', 'Order id'],
    ]);
  }
  if (statement.startsWith('DESCRIBE SEMANTIC VIEW')) {
    return resultSet([showColumn('object_kind'), showColumn('object_name'), showColumn('parent_entity'), showColumn('property'), showColumn('property_value')], [
      ['TABLE', 'ORDERS', null, 'BASE_TABLE_NAME', 'ORDERS'],
      ['METRIC', 'REVENUE', 'ORDERS', 'DATA_TYPE', 'NUMBER(38,2)'],
    ]);
  }
  // run_query, execute_sql, query_semantic_view, ask_cortex_analyst's execution: two partitions, so nextCursor appears.
  return resultSet([column('REGION', 'text'), column('REVENUE', 'fixed'), column('DETAILS', 'variant')], [['EMEA', '1200', '{"a":1}'], ['APAC', '980', null]], {
    partitions: [2, 2],
  });
}

const calls: Record<string, Record<string, unknown>> = {
  list_databases: {},
  list_schemas: { database: 'SALES' },
  list_objects: { database: 'SALES', schema: 'PUBLIC' },
  describe_object: { database: 'SALES', schema: 'PUBLIC', name: 'ORDERS' },
  run_query: { sql: 'SELECT region, revenue, details FROM orders', limit: 1 },
  get_query_status: { statementHandle: HANDLE },
  cancel_query: { statementHandle: HANDLE },
  list_semantic_views: { database: 'SALES', schema: 'PUBLIC' },
  describe_semantic_view: { database: 'SALES', schema: 'PUBLIC', name: 'ORDERS_SV' },
  query_semantic_view: { database: 'SALES', schema: 'PUBLIC', name: 'ORDERS_SV', dimensions: ['customers.region'], metrics: ['orders.revenue'] },
  ask_cortex_analyst: { question: 'Revenue by region?', semanticView: 'SALES.PUBLIC.ORDERS_SV', execute: true },
  execute_sql: { sql: "UPDATE orders SET status = 'shipped' WHERE id = 1" },
};

describe('structured content', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, env);
  beforeEach(() =>
    fake.use(
      submitRoute((request) => answerFor(statementOf(request))).handler,
      statusRoute(() => answerFor('SELECT')).handler,
      cancelRoute(() => HttpResponse.json({ code: '000604', message: 'Statement cancelled.', statementHandle: HANDLE })).handler,
      recordedRoute('post', `${API_URL}/api/v2/cortex/analyst/message`, () =>
        HttpResponse.json({
          message: { role: 'analyst', content: [{ type: 'text', text: 'Revenue by region' }, { type: 'sql', statement: 'SELECT region, revenue FROM orders' }] },
          request_id: 'r-1',
          warnings: [],
        }),
      ).handler,
    ),
  );

  describeStructuredContent({ app: snowflakeApp, env, calls });

  it('a page fetched with a cursor and a statement still running validate too', async () => {
    const runQuery = outputOf(snowflakeTools, 'run_query');
    const first = resultJson(await callTool('run_query', { sql: 'SELECT 1', limit: 1 })) as { nextCursor: string };
    const next = await callTool('get_query_status', { cursor: first.nextCursor });
    expect(structuredContent(next, runQuery)).toMatchObject({ status: 'succeeded', firstRow: 2 });

    fake.use(submitRoute(() => running()).handler, statusRoute(() => running()).handler);
    const pending = await callTool('run_query', { sql: 'SELECT 1' }, { ...env, SNOWFLAKE_MAX_WAIT_MS: '0' });
    expect(structuredContent(pending, runQuery)).toEqual({ statementHandle: HANDLE, status: 'running', message: expect.any(String) });
  });
});
