import {
  HttpResponse,
  bundlePath,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  callToolOverHttp,
  rawRequest,
  startServerProcess,
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
  // The SQL API's URL is derived from the account; SNOWFLAKE_API_URL overrides it.
  drain: { upstreamEnv: 'SNOWFLAKE_API_URL' },
});

describe('snowflake-mcp as deployed with only its account', () => {
  it('answers /readyz 503 not_configured naming the key-pair and the token options', async () => {
    const server = await startServerProcess(bundlePath('snowflake-mcp'), { SNOWFLAKE_ACCOUNT: 'xy12345' });
    try {
      const ready = await rawRequest(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toMatchObject({
        status: 'not_configured',
        need: 'one of: SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY (key pair), or SNOWFLAKE_TOKEN (token)',
      });
    } finally {
      await server.stop();
    }
  });
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
