import {
  HttpResponse,
  bundlePath,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  callToolOverHttp,
} from '@sophia/mcp-testing';

const configuredEnv = {
  SNOWFLAKE_ACCOUNT: 'xy12345',
  SNOWFLAKE_TOKEN: 'e2e-token-000000',
  SNOWFLAKE_API_URL: 'http://127.0.0.1:1',
};
const sampleCall = { name: 'run_query', arguments: { sql: 'SELECT 1 AS one' } };

describeServerOverHttp({
  app: 'snowflake-mcp',
  configuredEnv,
  sampleCall,
});

describe('snowflake-mcp over HTTP against a fake Snowflake SQL API on loopback', () => {
  it('runs run_query through both client generations and reaches POST /api/v2/statements', async () => {
    const upstream = await serveFakeUpstream([
      http.post('*/api/v2/statements', () =>
        HttpResponse.json({
          resultSetMetaData: { numRows: 1, format: 'jsonv2', partitionInfo: [{ rowCount: 1 }], rowType: [{ name: 'ONE', type: 'fixed', scale: 0, precision: 1, nullable: false }] },
          data: [['1']],
          code: '090001',
          statementHandle: '01b2c3d4-0000-4a5b-0000-00010002a00e',
          message: 'Statement executed successfully.',
        }),
      ),
    ]);
    try {
      const env = { ...configuredEnv, SNOWFLAKE_API_URL: upstream.url };
      for (const result of await callToolOverHttp(bundlePath('snowflake-mcp'), env, sampleCall)) {
        expect(resultJson(result)).toMatchObject({ status: 'succeeded', rows: [[1]] });
      }
      expect(upstream.requests).toHaveLength(2);
    } finally {
      await upstream.close();
    }
  });
});
