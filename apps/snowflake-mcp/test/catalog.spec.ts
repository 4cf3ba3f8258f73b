import { resultError, resultJson, toolCaller, useFakeUpstream } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import {
  HANDLE,
  configuredEnv,
  resultSet,
  running,
  showColumn,
  snowflakeError,
  statementOf,
  statusRoute,
  submitRoute,
} from './fake-upstream';

// SHOW/DESCRIBE results as the SQL API sends them: lower-case column names, every cell a string,
// TIMESTAMP_LTZ as epoch seconds with nanoseconds.
const CREATED = '1704112496.123000000'; // 2024-01-01T12:34:56.123Z

const SHOW_DATABASES = [
  showColumn('created_on', 'timestamp_ltz'),
  showColumn('name'),
  showColumn('is_default'),
  showColumn('is_current'),
  showColumn('origin'),
  showColumn('owner'),
  showColumn('comment'),
  showColumn('options'),
  showColumn('retention_time'),
  showColumn('kind'),
  showColumn('budget'),
  showColumn('owner_role_type'),
];
const database = (name: string, comment = '') => [CREATED, name, 'N', 'N', '', 'SYSADMIN', comment, '', '1', 'STANDARD', null, 'ROLE'];

const SHOW_SCHEMAS = [
  showColumn('created_on', 'timestamp_ltz'),
  showColumn('name'),
  showColumn('is_default'),
  showColumn('is_current'),
  showColumn('database_name'),
  showColumn('owner'),
  showColumn('comment'),
  showColumn('options'),
  showColumn('retention_time'),
  showColumn('owner_role_type'),
];
const schema = (name: string, owner = 'SYSADMIN', comment = '') => [CREATED, name, 'N', 'N', 'SALES', owner, comment, '', '1', 'ROLE'];

const SHOW_OBJECTS = [
  showColumn('created_on', 'timestamp_ltz'),
  showColumn('name'),
  showColumn('database_name'),
  showColumn('schema_name'),
  showColumn('kind'),
  showColumn('comment'),
  showColumn('cluster_by'),
  showColumn('rows', 'fixed'),
  showColumn('bytes', 'fixed'),
  showColumn('owner'),
  showColumn('retention_time'),
  showColumn('owner_role_type'),
];

const SHOW_VIEWS = [
  showColumn('created_on', 'timestamp_ltz'),
  showColumn('name'),
  showColumn('reserved'),
  showColumn('database_name'),
  showColumn('schema_name'),
  showColumn('owner'),
  showColumn('comment'),
  showColumn('text'),
  showColumn('is_secure', 'boolean'),
  showColumn('is_materialized', 'boolean'),
  showColumn('owner_role_type'),
  showColumn('change_tracking'),
];

const DESCRIBE = [
  showColumn('name'),
  showColumn('type'),
  showColumn('kind'),
  showColumn('null?'),
  showColumn('default'),
  showColumn('primary key'),
  showColumn('unique key'),
  showColumn('check'),
  showColumn('expression'),
  showColumn('comment'),
  showColumn('policy name'),
  showColumn('privacy domain'),
];

/** What every catalog statement must carry: the SQL, the statement timeout and MULTI_STATEMENT_COUNT=1, nothing else. */
function catalogBody(statement: string) {
  return { statement, timeout: 300, parameters: { MULTI_STATEMENT_COUNT: '1' } };
}

describe('list_databases', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('sends SHOW DATABASES LIMIT <n+1> (async, no warehouse) and maps the rows', async () => {
    const submit = submitRoute(() => resultSet(SHOW_DATABASES, [database('ANALYTICS', 'Marts'), database('SALES')]));
    fake.use(submit.handler);

    const result = resultJson(await callTool('list_databases', {}));

    expect(result).toEqual({
      items: [
        { name: 'ANALYTICS', kind: 'STANDARD', owner: 'SYSADMIN', comment: 'Marts', createdOn: '2024-01-01T12:34:56.123Z' },
        { name: 'SALES', kind: 'STANDARD', owner: 'SYSADMIN', createdOn: '2024-01-01T12:34:56.123Z' },
      ],
    });
    expect(submit.received).toHaveLength(1);
    expect(submit.received[0]?.body).toEqual(catalogBody('SHOW DATABASES LIMIT 51'));
    expect(submit.received[0]?.query).toMatchObject({ async: 'true' });
    expect(submit.received[0]?.headers.get('x-snowflake-authorization-token-type')).toBe('KEYPAIR_JWT');
  });

  it("pages with LIMIT n FROM '<last name>': the cursor carries the last name and the next page skips it", async () => {
    const submit = submitRoute((_request, call) =>
      call === 1
        ? resultSet(SHOW_DATABASES, [database('ANALYTICS'), database('MARKETING'), database('SALES')])
        : // FROM is inclusive of a name equal to the string: the last name of page 1 comes back first
          resultSet(SHOW_DATABASES, [database('MARKETING'), database('SALES')]),
    );
    fake.use(submit.handler);

    const first = resultJson(await callTool('list_databases', { limit: 2 })) as { items: { name: string }[]; nextCursor?: string };
    expect(first.items.map((item) => item.name)).toEqual(['ANALYTICS', 'MARKETING']);
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = resultJson(await callTool('list_databases', { limit: 2, cursor: first.nextCursor })) as {
      items: { name: string }[];
      nextCursor?: string;
    };
    expect(second.items.map((item) => item.name)).toEqual(['SALES']);
    expect(second.nextCursor).toBeUndefined();

    expect(submit.received.map(statementOf)).toEqual(['SHOW DATABASES LIMIT 3', "SHOW DATABASES LIMIT 4 FROM 'MARKETING'"]);
  });

  it('quotes a LIKE pattern as a string literal', async () => {
    const submit = submitRoute(() => resultSet(SHOW_DATABASES, []));
    fake.use(submit.handler);
    expect(resultJson(await callTool('list_databases', { like: "o'brien%", limit: 10 }))).toEqual({ items: [] });
    expect(statementOf(submit.received[0])).toBe("SHOW DATABASES LIKE 'o''brien%' LIMIT 11");
  });

  it('403 (role without access) → forbidden with Snowflake’s message', async () => {
    fake.use(submitRoute(() => snowflakeError(403, '390101', 'User is not authorized to use this role.')).handler);
    expect(resultError(await callTool('list_databases', {}))).toMatch(/^forbidden: .*HTTP 403.*User is not authorized to use this role\./);
  });
});

describe('list_schemas', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('sends SHOW SCHEMAS IN DATABASE <db> and maps name, owner, comment, createdOn', async () => {
    const submit = submitRoute(() =>
      resultSet(SHOW_SCHEMAS, [schema('INFORMATION_SCHEMA', '', 'Views describing the contents of schemas in this database'), schema('PUBLIC')]),
    );
    fake.use(submit.handler);

    expect(resultJson(await callTool('list_schemas', { database: 'sales' }))).toEqual({
      items: [
        { name: 'INFORMATION_SCHEMA', comment: 'Views describing the contents of schemas in this database', createdOn: '2024-01-01T12:34:56.123Z' },
        { name: 'PUBLIC', owner: 'SYSADMIN', createdOn: '2024-01-01T12:34:56.123Z' },
      ],
    });
    expect(submit.received[0]?.body).toEqual(catalogBody('SHOW SCHEMAS IN DATABASE sales LIMIT 51'));
  });

  it('quotes a database name that is not a plain identifier, and pages after the cursor', async () => {
    const submit = submitRoute((_request, call) =>
      call === 1 ? resultSet(SHOW_SCHEMAS, [schema('A'), schema('B')]) : resultSet(SHOW_SCHEMAS, [schema('B'), schema('C')]),
    );
    fake.use(submit.handler);

    const first = resultJson(await callTool('list_schemas', { database: 'My "Lab" DB', limit: 1 })) as { nextCursor: string };
    const second = resultJson(await callTool('list_schemas', { database: 'My "Lab" DB', limit: 1, cursor: first.nextCursor }));

    expect(first).toMatchObject({ items: [{ name: 'A' }] });
    expect(second).toMatchObject({ items: [{ name: 'B' }], nextCursor: expect.any(String) });
    expect(submit.received.map(statementOf)).toEqual([
      'SHOW SCHEMAS IN DATABASE "My ""Lab"" DB" LIMIT 2',
      'SHOW SCHEMAS IN DATABASE "My ""Lab"" DB" LIMIT 3 FROM \'A\'',
    ]);
  });

  it("unknown database → invalid_input with Snowflake's compilation error", async () => {
    fake.use(
      submitRoute(() => snowflakeError(422, '002043', "SQL compilation error:\nObject does not exist, or operation cannot be performed.")).handler,
    );
    expect(resultError(await callTool('list_schemas', { database: 'NOPE' }))).toBe(
      'invalid_input: Snowflake rejected the request (HTTP 422): SQL compilation error:\nObject does not exist, or operation cannot be performed.',
    );
  });
});

describe('list_objects', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('sends SHOW OBJECTS IN SCHEMA db.schema and maps kind, rows and bytes', async () => {
    const submit = submitRoute(() =>
      resultSet(SHOW_OBJECTS, [
        [CREATED, 'ORDERS', 'SALES', 'PUBLIC', 'TABLE', 'One row per order', '', '1200', '40960', 'SYSADMIN', '1', 'ROLE'],
        [CREATED, 'ORDERS_V', 'SALES', 'PUBLIC', 'VIEW', '', '', null, null, 'SYSADMIN', '1', 'ROLE'],
      ]),
    );
    fake.use(submit.handler);

    expect(resultJson(await callTool('list_objects', { database: 'SALES', schema: 'PUBLIC' }))).toEqual({
      items: [
        {
          name: 'ORDERS',
          kind: 'TABLE',
          rows: 1200,
          bytes: 40960,
          owner: 'SYSADMIN',
          comment: 'One row per order',
          createdOn: '2024-01-01T12:34:56.123Z',
        },
        { name: 'ORDERS_V', kind: 'VIEW', owner: 'SYSADMIN', createdOn: '2024-01-01T12:34:56.123Z' },
      ],
    });
    expect(submit.received[0]?.body).toEqual(catalogBody('SHOW OBJECTS IN SCHEMA SALES.PUBLIC LIMIT 51'));
  });

  it('kind "view" sends SHOW VIEWS LIKE … and labels rows VIEW (SHOW VIEWS has no kind column)', async () => {
    const submit = submitRoute(() =>
      resultSet(SHOW_VIEWS, [[CREATED, 'ORDERS_V', '', 'SALES', 'PUBLIC', 'SYSADMIN', '', 'create view …', 'false', 'false', 'ROLE', 'OFF']]),
    );
    fake.use(submit.handler);

    expect(resultJson(await callTool('list_objects', { database: 'SALES', schema: 'public', kind: 'view', like: 'orders%', limit: 5 }))).toEqual({
      items: [{ name: 'ORDERS_V', kind: 'VIEW', owner: 'SYSADMIN', createdOn: '2024-01-01T12:34:56.123Z' }],
    });
    expect(statementOf(submit.received[0])).toBe("SHOW VIEWS LIKE 'orders%' IN SCHEMA SALES.public LIMIT 6");
  });

  it('kind "table" pages SHOW TABLES with FROM the last name', async () => {
    const row = (name: string) => [CREATED, name, 'SALES', 'PUBLIC', 'TABLE', '', '', '0', '0', 'SYSADMIN', '1', 'ROLE'];
    const submit = submitRoute((_request, call) =>
      call === 1 ? resultSet(SHOW_OBJECTS, [row('A'), row('B'), row('C')]) : resultSet(SHOW_OBJECTS, [row('B'), row('C')]),
    );
    fake.use(submit.handler);

    const first = resultJson(await callTool('list_objects', { database: 'SALES', schema: 'PUBLIC', kind: 'table', limit: 2 })) as {
      items: { name: string; rows: number }[];
      nextCursor: string;
    };
    expect(first.items).toEqual([
      expect.objectContaining({ name: 'A', rows: 0, bytes: 0 }),
      expect.objectContaining({ name: 'B' }),
    ]);
    const second = resultJson(
      await callTool('list_objects', { database: 'SALES', schema: 'PUBLIC', kind: 'table', limit: 2, cursor: first.nextCursor }),
    );
    expect(second).toEqual({ items: [expect.objectContaining({ name: 'C', kind: 'TABLE' })] });
    expect(submit.received.map(statementOf)).toEqual([
      'SHOW TABLES IN SCHEMA SALES.PUBLIC LIMIT 3',
      "SHOW TABLES IN SCHEMA SALES.PUBLIC LIMIT 4 FROM 'B'",
    ]);
  });

  it('a SHOW that outlasts the wait → timeout naming the statement handle', async () => {
    const status = statusRoute(() => running());
    fake.use(submitRoute(() => running()).handler, status.handler);
    const text = resultError(
      await callTool('list_objects', { database: 'SALES', schema: 'PUBLIC' }, { ...configuredEnv, SNOWFLAKE_MAX_WAIT_MS: '50' }),
    );
    expect(text).toMatch(/^timeout: /);
    expect(text).toContain(`Snowflake is still running SHOW OBJECTS (statement ${HANDLE})`);
    expect(status.received.every((request) => request.path === `/api/v2/statements/${HANDLE}`)).toBe(true);
  });
});

describe('describe_object', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, configuredEnv);

  it('sends DESCRIBE TABLE db.schema.name and maps the columns', async () => {
    const submit = submitRoute(() =>
      resultSet(DESCRIBE, [
        ['ID', 'NUMBER(38,0)', 'COLUMN', 'N', null, 'Y', 'N', null, null, 'Order id', null, null],
        ['STATUS', 'VARCHAR(16777216)', 'COLUMN', 'Y', "'new'", 'N', 'N', null, null, null, null, null],
        ['TOTAL', 'NUMBER(10,2)', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null],
      ]),
    );
    fake.use(submit.handler);

    expect(resultJson(await callTool('describe_object', { database: 'SALES', schema: 'PUBLIC', name: 'ORDERS' }))).toEqual({
      object: 'SALES.PUBLIC.ORDERS',
      kind: 'TABLE',
      columns: [
        { name: 'ID', type: 'NUMBER(38,0)', nullable: false, primaryKey: true, comment: 'Order id' },
        { name: 'STATUS', type: 'VARCHAR(16777216)', nullable: true, default: "'new'" },
        { name: 'TOTAL', type: 'NUMBER(10,2)', nullable: true },
      ],
      columnCount: 3,
    });
    expect(submit.received[0]?.body).toEqual(catalogBody('DESCRIBE TABLE SALES.PUBLIC.ORDERS'));
  });

  it('kind "view" sends DESCRIBE VIEW and quotes names that need it', async () => {
    const submit = submitRoute(() => resultSet(DESCRIBE, [['order id', 'NUMBER(38,0)', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null]]));
    fake.use(submit.handler);

    const result = resultJson(await callTool('describe_object', { database: 'SALES', schema: 'Reporting', name: 'daily orders', kind: 'view' }));

    expect(result).toMatchObject({ object: 'SALES.Reporting."daily orders"', kind: 'VIEW', columnCount: 1 });
    expect(statementOf(submit.received[0])).toBe('DESCRIBE VIEW SALES.Reporting."daily orders"');
  });

  it('caps at 500 columns with a marker', async () => {
    const rows = Array.from({ length: 502 }, (_, index) => [`C${index}`, 'VARCHAR(10)', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null]);
    fake.use(submitRoute(() => resultSet(DESCRIBE, rows)).handler);
    const result = resultJson(await callTool('describe_object', { database: 'SALES', schema: 'PUBLIC', name: 'WIDE' })) as {
      columns: unknown[];
      columnCount: number;
      truncated: string;
    };
    expect(result.columns).toHaveLength(500);
    expect(result.columnCount).toBe(502);
    expect(result.truncated).toBe('showing the first 500 of 502 columns');
  });

  it("missing object → invalid_input with Snowflake's message", async () => {
    fake.use(
      submitRoute(() => snowflakeError(422, '002003', "SQL compilation error:\nTable 'SALES.PUBLIC.NOPE' does not exist or not authorized.")).handler,
    );
    expect(resultError(await callTool('describe_object', { database: 'SALES', schema: 'PUBLIC', name: 'NOPE' }))).toBe(
      "invalid_input: Snowflake rejected the request (HTTP 422): SQL compilation error:\nTable 'SALES.PUBLIC.NOPE' does not exist or not authorized.",
    );
  });
});
