import { resultError, resultJson, toolCaller, useFakeUpstream } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { HANDLE, column, configuredEnv, resultSet, showColumn, snowflakeError, statementOf, submitRoute } from './fake-upstream';

// SHOW SEMANTIC VIEWS and DESCRIBE SEMANTIC VIEW as the SQL API sends them (columns per Snowflake's reference).
const CREATED = '1704112496.123000000'; // 2024-01-01T12:34:56.123Z
const SHOW_SEMANTIC_VIEWS = [
  showColumn('created_on', 'timestamp_ltz'),
  showColumn('name'),
  showColumn('kind'),
  showColumn('database_name'),
  showColumn('schema_name'),
  showColumn('comment'),
  showColumn('owner'),
  showColumn('owner_role_type'),
  showColumn('extension'),
];
const view = (schema: string, name: string, comment = '') => [CREATED, name, 'SEMANTIC_VIEW', 'SALES', schema, comment, 'ANALYST', 'ROLE', null];

const DESCRIBE_SEMANTIC_VIEW = [
  showColumn('object_kind'),
  showColumn('object_name'),
  showColumn('parent_entity'),
  showColumn('property'),
  showColumn('property_value'),
];

describe('list_semantic_views', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('lists one schema with SHOW SEMANTIC VIEWS IN SCHEMA and pages with LIMIT … FROM the last name', async () => {
    const submit = submitRoute((_request, call) =>
      call === 1
        ? resultSet(SHOW_SEMANTIC_VIEWS, [view('PUBLIC', 'ORDERS_SV', 'Orders and revenue'), view('PUBLIC', 'RETURNS_SV'), view('PUBLIC', 'TRAFFIC_SV')])
        : resultSet(SHOW_SEMANTIC_VIEWS, [view('PUBLIC', 'RETURNS_SV'), view('PUBLIC', 'TRAFFIC_SV')]),
    );
    fake.use(submit.handler);

    const first = await callTool('list_semantic_views', { database: 'SALES', schema: 'PUBLIC', limit: 2 });
    expect(first.structuredContent).toEqual(resultJson(first));
    const page = resultJson(first) as { items: unknown[]; nextCursor: string };
    expect(page.items).toEqual([
      { name: 'ORDERS_SV', database: 'SALES', schema: 'PUBLIC', comment: 'Orders and revenue', owner: 'ANALYST', createdOn: '2024-01-01T12:34:56.123Z' },
      { name: 'RETURNS_SV', database: 'SALES', schema: 'PUBLIC', owner: 'ANALYST', createdOn: '2024-01-01T12:34:56.123Z' },
    ]);
    const second = resultJson(await callTool('list_semantic_views', { database: 'SALES', schema: 'PUBLIC', limit: 2, cursor: page.nextCursor }));
    expect(second).toEqual({ items: [expect.objectContaining({ name: 'TRAFFIC_SV' })] });
    expect(submit.received.map(statementOf)).toEqual([
      'SHOW SEMANTIC VIEWS IN SCHEMA SALES.PUBLIC LIMIT 3',
      "SHOW SEMANTIC VIEWS IN SCHEMA SALES.PUBLIC LIMIT 4 FROM 'RETURNS_SV'",
    ]);
  });

  it('without a schema lists the database and pages by (schema, name), so equal names in two schemas are both listed', async () => {
    const rows = [view('FINANCE', 'ORDERS_SV'), view('PUBLIC', 'ORDERS_SV'), view('PUBLIC', 'TRAFFIC_SV')];
    const submit = submitRoute(() => resultSet(SHOW_SEMANTIC_VIEWS, rows));
    fake.use(submit.handler);

    const first = resultJson(await callTool('list_semantic_views', { database: 'SALES', like: '%_sv', limit: 1 })) as {
      items: { schema: string; name: string }[];
      nextCursor: string;
    };
    const second = resultJson(await callTool('list_semantic_views', { database: 'SALES', like: '%_sv', limit: 1, cursor: first.nextCursor })) as {
      items: { schema: string; name: string }[];
      nextCursor: string;
    };
    const third = resultJson(await callTool('list_semantic_views', { database: 'SALES', like: '%_sv', limit: 1, cursor: second.nextCursor })) as {
      items: { schema: string; name: string }[];
      nextCursor?: string;
    };

    expect([first, second, third].map((page) => page.items.map((item) => `${item.schema}.${item.name}`))).toEqual([
      ['FINANCE.ORDERS_SV'],
      ['PUBLIC.ORDERS_SV'],
      ['PUBLIC.TRAFFIC_SV'],
    ]);
    expect(third.nextCursor).toBeUndefined();
    expect(statementOf(submit.received[0])).toBe("SHOW SEMANTIC VIEWS LIKE '%_sv' IN DATABASE SALES LIMIT 10000");
  });

  it("unknown database → invalid_input with Snowflake's compilation error", async () => {
    fake.use(submitRoute(() => snowflakeError(422, '002043', "SQL compilation error:\nDatabase 'NOPE' does not exist or not authorized.")).handler);
    expect(resultError(await callTool('list_semantic_views', { database: 'NOPE' }))).toBe(
      "invalid_input: Snowflake rejected the request (HTTP 422): SQL compilation error:\nDatabase 'NOPE' does not exist or not authorized.",
    );
  });

  it('403 (role without access) → forbidden', async () => {
    fake.use(submitRoute(() => snowflakeError(403, '390101', 'User is not authorized to use this role.')).handler);
    expect(resultError(await callTool('list_semantic_views', { database: 'SALES', schema: 'PUBLIC' }))).toMatch(/^forbidden: .*HTTP 403/);
  });
});

describe('describe_semantic_view', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('sends DESCRIBE SEMANTIC VIEW and groups the property rows into dimensions, facts, metrics, tables and relationships', async () => {
    const submit = submitRoute(() =>
      resultSet(DESCRIBE_SEMANTIC_VIEW, [
        [null, null, null, 'COMMENT', 'Orders and revenue'],
        ['TABLE', 'ORDERS', null, 'BASE_TABLE_DATABASE_NAME', 'SALES'],
        ['TABLE', 'ORDERS', null, 'BASE_TABLE_SCHEMA_NAME', 'PUBLIC'],
        ['TABLE', 'ORDERS', null, 'BASE_TABLE_NAME', 'ORDERS'],
        ['TABLE', 'ORDERS', null, 'PRIMARY_KEY', '["ORDER_ID"]'],
        ['TABLE', 'CUSTOMERS', null, 'BASE_TABLE_NAME', 'CUSTOMERS'],
        ['RELATIONSHIP', 'ORDERS_TO_CUSTOMERS', 'ORDERS', 'TABLE', 'ORDERS'],
        ['RELATIONSHIP', 'ORDERS_TO_CUSTOMERS', 'ORDERS', 'REF_TABLE', 'CUSTOMERS'],
        ['RELATIONSHIP', 'ORDERS_TO_CUSTOMERS', 'ORDERS', 'FOREIGN_KEY', '["CUSTOMER_ID"]'],
        ['DIMENSION', 'REGION', 'CUSTOMERS', 'TABLE', 'CUSTOMERS'],
        ['DIMENSION', 'REGION', 'CUSTOMERS', 'EXPRESSION', 'customers.c_region'],
        ['DIMENSION', 'REGION', 'CUSTOMERS', 'DATA_TYPE', 'VARCHAR(16777216)'],
        ['DIMENSION', 'REGION', 'CUSTOMERS', 'SYNONYMS', '["area","territory"]'],
        ['DIMENSION', 'Order Date', 'ORDERS', 'DATA_TYPE', 'DATE'],
        ['DIMENSION', 'channel', 'ORDERS', 'DATA_TYPE', 'VARCHAR(16)'],
        ['FACT', 'LINE_AMOUNT', 'ORDERS', 'EXPRESSION', 'orders.o_totalprice'],
        ['METRIC', 'REVENUE', 'ORDERS', 'EXPRESSION', 'SUM(orders.line_amount)'],
        ['METRIC', 'REVENUE', 'ORDERS', 'DATA_TYPE', 'NUMBER(38,2)'],
        ['METRIC', 'REVENUE', 'ORDERS', 'COMMENT', 'Net revenue'],
      ]),
    );
    fake.use(submit.handler);

    const result = await callTool('describe_semantic_view', { database: 'SALES', schema: 'PUBLIC', name: 'orders_sv' });

    expect(result.structuredContent).toEqual(resultJson(result));
    expect(resultJson(result)).toEqual({
      semanticView: 'SALES.PUBLIC.orders_sv',
      comment: 'Orders and revenue',
      dimensions: [
        {
          name: 'REGION',
          table: 'CUSTOMERS',
          member: 'CUSTOMERS.REGION',
          dataType: 'VARCHAR(16777216)',
          expression: 'customers.c_region',
          synonyms: ['area', 'territory'],
        },
        { name: 'Order Date', table: 'ORDERS', member: 'ORDERS."Order Date"', dataType: 'DATE' },
        // stored in lower case, so it was created quoted: unquoted it would resolve to CHANNEL
        { name: 'channel', table: 'ORDERS', member: 'ORDERS."channel"', dataType: 'VARCHAR(16)' },
      ],
      facts: [{ name: 'LINE_AMOUNT', table: 'ORDERS', member: 'ORDERS.LINE_AMOUNT', expression: 'orders.o_totalprice' }],
      metrics: [
        { name: 'REVENUE', table: 'ORDERS', member: 'ORDERS.REVENUE', dataType: 'NUMBER(38,2)', expression: 'SUM(orders.line_amount)', comment: 'Net revenue' },
      ],
      tables: [
        {
          name: 'ORDERS',
          properties: { base_table_database_name: 'SALES', base_table_schema_name: 'PUBLIC', base_table_name: 'ORDERS', primary_key: '["ORDER_ID"]' },
        },
        { name: 'CUSTOMERS', properties: { base_table_name: 'CUSTOMERS' } },
      ],
      relationships: [{ name: 'ORDERS_TO_CUSTOMERS', properties: { table: 'ORDERS', ref_table: 'CUSTOMERS', foreign_key: '["CUSTOMER_ID"]' } }],
    });
    expect(statementOf(submit.received[0])).toBe('DESCRIBE SEMANTIC VIEW SALES.PUBLIC.orders_sv');
  });

  it("missing view → invalid_input with Snowflake's message", async () => {
    fake.use(
      submitRoute(() => snowflakeError(422, '002003', "SQL compilation error:\nSemantic view 'SALES.PUBLIC.NOPE' does not exist or not authorized.")).handler,
    );
    expect(resultError(await callTool('describe_semantic_view', { database: 'SALES', schema: 'PUBLIC', name: 'NOPE' }))).toBe(
      "invalid_input: Snowflake rejected the request (HTTP 422): SQL compilation error:\nSemantic view 'SALES.PUBLIC.NOPE' does not exist or not authorized.",
    );
  });
});

describe('query_semantic_view', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);
  const target = { database: 'SALES', schema: 'PUBLIC', name: 'ORDERS_SV' };

  it('builds SEMANTIC_VIEW(… DIMENSIONS … METRICS … WHERE …) from quoted members and literals, and returns typed rows', async () => {
    const submit = submitRoute(() =>
      resultSet([column('REGION', 'text'), column('REVENUE', 'fixed', { scale: 2, precision: 38 })], [['EMEA', '1200.50'], ['APAC', '980.00']]),
    );
    fake.use(submit.handler);

    const result = await callTool('query_semantic_view', {
      ...target,
      dimensions: ['customers.region', 'ORDERS."Order Date"'],
      metrics: ['orders.revenue'],
      filters: [
        { member: 'customers.region', operator: 'in', value: ['EMEA', "O'Brien's"] },
        { member: 'orders.revenue', operator: '>=', value: 100 },
        { member: 'customers.active', operator: '=', value: true },
        { member: 'customers.deleted_at', operator: 'is_null' },
      ],
      orderBy: [{ column: 'orders.revenue', descending: true }],
      maxRows: 10,
      warehouse: 'REPORTING_WH',
    });

    expect(result.structuredContent).toEqual(resultJson(result));
    expect(resultJson(result)).toEqual({
      statementHandle: HANDLE,
      status: 'succeeded',
      columns: [
        { name: 'REGION', type: 'VARCHAR' },
        { name: 'REVENUE', type: 'NUMBER(38,2)' },
      ],
      rows: [
        ['EMEA', 1200.5],
        ['APAC', 980],
      ],
      numRows: 2,
      firstRow: 1,
    });
    expect(submit.received[0]?.body).toEqual({
      statement:
        'SELECT * FROM SEMANTIC_VIEW(SALES.PUBLIC.ORDERS_SV DIMENSIONS customers.region, ORDERS."Order Date" METRICS orders.revenue ' +
        "WHERE customers.region IN ('EMEA', 'O''Brien''s') AND orders.revenue >= 100 AND customers.active = TRUE AND customers.deleted_at IS NULL) " +
        'ORDER BY revenue DESC LIMIT 10',
      timeout: 300,
      warehouse: 'REPORTING_WH',
      parameters: { MULTI_STATEMENT_COUNT: '1' },
    });
  });

  it.each([
    ['a member that is not an identifier', { metrics: ['orders.revenue) UNION SELECT 1 --'] }, /member "orders.revenue\) UNION SELECT 1 --" is not a valid name/],
    ['three-part members', { dimensions: ['a.b.c'] }, /is not a valid name/],
    ['nothing to query', {}, /name at least one dimension, metric or fact/],
    ['facts with metrics', { facts: ['orders.line_amount'], metrics: ['orders.revenue'] }, /facts and metrics together/],
    ['in without values', { metrics: ['orders.revenue'], filters: [{ member: 'customers.region', operator: 'in', value: [] }] }, /non-empty array/],
  ])('refuses %s before anything is sent', async (_case, args, message) => {
    const submit = submitRoute(() => resultSet([], []));
    fake.use(submit.handler);
    const text = resultError(await callTool('query_semantic_view', { ...target, ...args }));
    expect(text).toMatch(/^invalid_input: /);
    expect(text).toMatch(message);
    expect(submit.received).toHaveLength(0);
  });

  it('a string value stays a literal even when it looks like SQL', async () => {
    const submit = submitRoute(() => resultSet([column('REGION', 'text')], []));
    fake.use(submit.handler);
    await callTool('query_semantic_view', {
      ...target,
      dimensions: ['customers.region'],
      filters: [{ member: 'customers.region', operator: 'like', value: "x' OR 1=1 --\\" }],
    });
    expect(statementOf(submit.received[0])).toBe(
      "SELECT * FROM SEMANTIC_VIEW(SALES.PUBLIC.ORDERS_SV DIMENSIONS customers.region WHERE customers.region LIKE 'x'' OR 1=1 --\\\\')",
    );
  });

  it("unknown member → invalid_input with Snowflake's compilation error", async () => {
    fake.use(submitRoute(() => snowflakeError(422, '000904', "SQL compilation error: error line 1 at position 52\ninvalid identifier 'ORDERS.NOPE'")).handler);
    expect(resultError(await callTool('query_semantic_view', { ...target, metrics: ['orders.nope'] }))).toMatch(
      /^invalid_input: Snowflake rejected the request \(HTTP 422\): SQL compilation error.*\ninvalid identifier 'ORDERS.NOPE'/,
    );
  });

  it("role without SELECT on the view → invalid_input with Snowflake's access control error", async () => {
    fake.use(submitRoute(() => snowflakeError(422, '003001', "SQL access control error:\nInsufficient privileges to operate on semantic view 'ORDERS_SV'")).handler);
    expect(resultError(await callTool('query_semantic_view', { ...target, metrics: ['orders.revenue'] }))).toContain(
      "Insufficient privileges to operate on semantic view 'ORDERS_SV'",
    );
  });
});
