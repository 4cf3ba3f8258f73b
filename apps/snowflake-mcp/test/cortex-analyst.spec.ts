import { HttpResponse, recordedRoute, resultError, resultJson, servedTools, toolCaller, useFakeUpstream, type ReceivedRequest } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { API_URL, HANDLE, column, configuredEnv, resultSet, statementOf, submitRoute, tokenEnv } from './fake-upstream';

const cortexEnv = { ...configuredEnv, SNOWFLAKE_CORTEX_ANALYST: 'true' };
const GENERATED_SQL =
  'WITH __orders AS (SELECT region, revenue FROM sales.public.orders) SELECT region, SUM(revenue) AS revenue FROM __orders GROUP BY region';

/** POST /api/v2/cortex/analyst/message, recorded. */
function analystRoute(respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>) {
  return recordedRoute('post', `${API_URL}/api/v2/cortex/analyst/message`, respond);
}

/** A non-streaming answer as the REST API documents it: the analyst's message with text, sql or suggestions blocks. */
function analystAnswer(content: Record<string, unknown>[], warnings: { message: string }[] = []) {
  return HttpResponse.json({
    message: { role: 'analyst', content },
    request_id: '75d343ee-699c-483f-83a1-e314609fb563',
    warnings,
    response_metadata: { model_names: ['claude-3-5-sonnet'], question_category: 'CLEAR_SQL' },
  });
}

const interpretation = { type: 'text', text: 'This is our interpretation of your question:\n\nWhat was the revenue by region?' };
const sqlBlock = { type: 'sql', statement: GENERATED_SQL, confidence: { verified_query_used: { name: 'revenue_by_region', question: 'revenue by region', sql: GENERATED_SQL, verified_at: 1714497970, verified_by: 'Jane' } } };

describe('ask_cortex_analyst', () => {
  const fake = useFakeUpstream();
  const callTool = toolCaller(snowflakeApp, cortexEnv);

  it('is not served unless SNOWFLAKE_CORTEX_ANALYST=true', async () => {
    expect(await servedTools(snowflakeApp, configuredEnv)).not.toContain('ask_cortex_analyst');
    expect(await servedTools(snowflakeApp, cortexEnv)).toContain('ask_cortex_analyst');
    await expect(callTool('ask_cortex_analyst', { question: 'revenue?' }, configuredEnv)).rejects.toThrow('Tool ask_cortex_analyst not found');
  });

  it('posts the question with the semantic view and returns the interpretation, the SQL and the verified query', async () => {
    const analyst = analystRoute(() => analystAnswer([interpretation, sqlBlock], [{ message: 'Table ORDERS has no primary key.' }]));
    fake.use(analyst.handler);

    const result = await callTool('ask_cortex_analyst', { question: 'What was the revenue by region?', semanticView: 'SALES.PUBLIC."Orders SV"' });

    expect(result.structuredContent).toEqual(resultJson(result));
    expect(resultJson(result)).toEqual({
      requestId: '75d343ee-699c-483f-83a1-e314609fb563',
      interpretation: interpretation.text,
      sql: GENERATED_SQL,
      verifiedQuery: 'revenue_by_region',
      warnings: ['Table ORDERS has no primary key.'],
    });
    expect(analyst.received).toHaveLength(1);
    expect(analyst.received[0]?.body).toEqual({
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What was the revenue by region?' }] }],
      semantic_view: 'SALES.PUBLIC."Orders SV"',
      stream: false,
    });
    expect(analyst.received[0]?.headers.get('authorization')).toMatch(/^Bearer ey/);
    expect(analyst.received[0]?.headers.get('x-snowflake-authorization-token-type')).toBe('KEYPAIR_JWT');
  });

  it('falls back to SNOWFLAKE_CORTEX_SEMANTIC_VIEW, and sends a staged model file when one is named (token auth)', async () => {
    const analyst = analystRoute(() => analystAnswer([interpretation, sqlBlock]));
    fake.use(analyst.handler);
    const env = { ...tokenEnv, SNOWFLAKE_CORTEX_ANALYST: 'true', SNOWFLAKE_CORTEX_SEMANTIC_VIEW: 'SALES.PUBLIC.ORDERS_SV' };

    await callTool('ask_cortex_analyst', { question: 'revenue?' }, env);
    await callTool('ask_cortex_analyst', { question: 'revenue?', semanticModelFile: '@SALES.PUBLIC.MODELS/revenue.yaml' }, env);

    expect(analyst.received.map((request) => request.body)).toEqual([
      expect.objectContaining({ semantic_view: 'SALES.PUBLIC.ORDERS_SV' }),
      expect.not.objectContaining({ semantic_view: expect.anything() }),
    ]);
    expect(analyst.received[1]?.body).toMatchObject({ semantic_model_file: '@SALES.PUBLIC.MODELS/revenue.yaml' });
    expect(analyst.received[0]?.headers.get('x-snowflake-authorization-token-type')).toBe('PROGRAMMATIC_ACCESS_TOKEN');
  });

  it('an unclear question answers with suggestions and no SQL, and nothing is executed', async () => {
    const submit = submitRoute(() => resultSet([], []));
    fake.use(
      analystRoute(() =>
        analystAnswer([
          { type: 'text', text: 'Your question is ambiguous. Did you mean one of these?' },
          { type: 'suggestions', suggestions: ['What was revenue by region in 2024?', 'What was revenue by product?'] },
        ]),
      ).handler,
      submit.handler,
    );

    const result = await callTool('ask_cortex_analyst', { question: 'revenue', semanticView: 'SALES.PUBLIC.ORDERS_SV', execute: true });

    expect(resultJson(result)).toEqual({
      requestId: '75d343ee-699c-483f-83a1-e314609fb563',
      interpretation: 'Your question is ambiguous. Did you mean one of these?',
      suggestions: ['What was revenue by region in 2024?', 'What was revenue by product?'],
    });
    expect(submit.received).toHaveLength(0);
  });

  it('execute: true runs the generated SQL through the read-only statement path and adds its first page', async () => {
    const submit = submitRoute(() => resultSet([column('REGION', 'text'), column('REVENUE', 'fixed')], [['EMEA', '1200']]));
    fake.use(analystRoute(() => analystAnswer([interpretation, sqlBlock])).handler, submit.handler);

    const result = await callTool('ask_cortex_analyst', {
      question: 'What was the revenue by region?',
      semanticView: 'SALES.PUBLIC.ORDERS_SV',
      execute: true,
      warehouse: 'REPORTING_WH',
    });

    expect(result.structuredContent).toEqual(resultJson(result));
    expect(resultJson(result)).toMatchObject({
      sql: GENERATED_SQL,
      result: { statementHandle: HANDLE, status: 'succeeded', rows: [['EMEA', 1200]], numRows: 1 },
    });
    expect(statementOf(submit.received[0])).toBe(GENERATED_SQL);
    expect(submit.received[0]?.body).toMatchObject({ warehouse: 'REPORTING_WH', parameters: { MULTI_STATEMENT_COUNT: '1' } });
  });

  it('never executes generated SQL that is not a read', async () => {
    const submit = submitRoute(() => resultSet([], []));
    fake.use(analystRoute(() => analystAnswer([{ type: 'sql', statement: 'DELETE FROM sales.public.orders' }])).handler, submit.handler);
    const text = resultError(await callTool('ask_cortex_analyst', { question: 'clean up', semanticView: 'SALES.PUBLIC.ORDERS_SV', execute: true }));
    expect(text).toMatch(/^invalid_input: Cortex Analyst generated SQL that was not executed because it is not a single read-only query \(.*DELETE statements are not allowed/);
    expect(submit.received).toHaveLength(0);
  });

  it.each([
    ['no semantic view anywhere', { question: 'revenue?' }, /name a semanticView \(DATABASE.SCHEMA.VIEW\) or semanticModelFile/],
    ['a view that is not fully qualified', { question: 'revenue?', semanticView: 'ORDERS_SV' }, /must be fully qualified/],
    ['a model file that is not a staged YAML', { question: 'revenue?', semanticModelFile: 'https://example.com/model.yaml' }, /must be a staged YAML path/],
    ['both a view and a model file', { question: 'revenue?', semanticView: 'A.B.C', semanticModelFile: '@A.B.S/m.yaml' }, /not both/],
  ])('refuses %s before calling Cortex', async (_case, args, message) => {
    const analyst = analystRoute(() => analystAnswer([]));
    fake.use(analyst.handler);
    const text = resultError(await callTool('ask_cortex_analyst', args));
    expect(text).toMatch(/^invalid_input: /);
    expect(text).toMatch(message);
    expect(analyst.received).toHaveLength(0);
  });

  it("403 (Cortex not allowed for the role) → forbidden with Snowflake's message", async () => {
    fake.use(
      analystRoute(() =>
        HttpResponse.json(
          { message: 'Access denied: role lacks the SNOWFLAKE.CORTEX_USER database role.', code: '399504', request_id: 'f1e2' },
          { status: 403 },
        ),
      ).handler,
    );
    expect(resultError(await callTool('ask_cortex_analyst', { question: 'revenue?', semanticView: 'SALES.PUBLIC.ORDERS_SV' }))).toMatch(
      /^forbidden: .*HTTP 403.*role lacks the SNOWFLAKE\.CORTEX_USER database role/,
    );
  });

  it("unknown semantic view → Snowflake's 400 message as invalid_input", async () => {
    fake.use(
      analystRoute(() =>
        HttpResponse.json({ message: "Semantic view 'SALES.PUBLIC.NOPE' does not exist or not authorized.", code: '392700', request_id: 'a1b2' }, { status: 400 }),
      ).handler,
    );
    expect(resultError(await callTool('ask_cortex_analyst', { question: 'revenue?', semanticView: 'SALES.PUBLIC.NOPE' }))).toMatch(
      /^invalid_input: .*HTTP 400.*Semantic view 'SALES.PUBLIC.NOPE' does not exist or not authorized\./,
    );
  });
});
