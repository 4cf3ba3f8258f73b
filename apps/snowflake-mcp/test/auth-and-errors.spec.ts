import { HttpResponse, connectInMemory, http, resultError, resultJson, toolCaller, useFakeUpstream } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { HANDLE, column, configuredEnv, publicKeyFp, resultSet, snowflakeError, submitRoute, tokenEnv, verifiedJwt } from './fake-upstream';

describe('Snowflake auth', () => {
  const fake = useFakeUpstream();

  it('signs an RS256 key-pair JWT with iss ACCOUNT.USER.SHA256:<fp>, sub ACCOUNT.USER, exp ≤ 1 h, and reuses it', async () => {
    const submit = submitRoute(() => resultSet([column('X', 'fixed')], [['1']]));
    fake.use(submit.handler);
    const { client, close } = await connectInMemory(snowflakeApp, { env: configuredEnv });
    await client.callTool({ name: 'run_query', arguments: { sql: 'SELECT 1' } });
    await client.callTool({ name: 'run_query', arguments: { sql: 'SELECT 1' } });
    await close();

    const [first, second] = submit.received;
    if (!first || !second) throw new Error('expected two statement requests');
    const { payload, alg, token } = await verifiedJwt(first);
    const { iat = 0, exp = Infinity } = payload;
    expect(alg).toBe('RS256');
    // account locator without region/cloud, uppercased; user uppercased
    expect(payload.iss).toBe(`XY12345.MCP_READER.${publicKeyFp}`);
    expect(payload.sub).toBe('XY12345.MCP_READER');
    expect(exp - iat).toBeLessThanOrEqual(3600);
    expect(iat * 1000).toBeLessThanOrEqual(Date.now() + 1000);
    expect(first.headers.get('x-snowflake-authorization-token-type')).toBe('KEYPAIR_JWT');
    expect(second.headers.get('authorization')).toBe(`Bearer ${token}`);
  });

  it('sends a programmatic access token with its token type', async () => {
    const submit = submitRoute(() => resultSet([column('X', 'fixed')], [['1']]));
    fake.use(submit.handler);
    expect(resultJson(await toolCaller(snowflakeApp, tokenEnv)('run_query', { sql: 'SELECT 1' }))).toMatchObject({ rows: [[1]] });
    expect(submit.received[0]?.headers.get('authorization')).toBe('Bearer pat-secret-000000');
    expect(submit.received[0]?.headers.get('x-snowflake-authorization-token-type')).toBe('PROGRAMMATIC_ACCESS_TOKEN');
  });

  it('derives the API URL from SNOWFLAKE_ACCOUNT when SNOWFLAKE_API_URL is unset', async () => {
    const hosts: string[] = [];
    fake.use(
      http.post('https://xy12345.us-east-2.aws.snowflakecomputing.com/api/v2/statements', ({ request }) => {
        hosts.push(new URL(request.url).host);
        return HttpResponse.json({ resultSetMetaData: { numRows: 0, rowType: [] }, data: [], statementHandle: HANDLE, code: '090001' });
      }),
    );
    const env: Record<string, string> = { ...configuredEnv };
    delete env['SNOWFLAKE_API_URL'];
    expect(resultJson(await toolCaller(snowflakeApp, env)('run_query', { sql: 'SELECT 1' }))).toMatchObject({ status: 'succeeded' });
    expect(hosts).toEqual(['xy12345.us-east-2.aws.snowflakecomputing.com']);
  });

  it('with only SNOWFLAKE_ACCOUNT it is not ready, and /readyz and every call name the key-pair and the token options', async () => {
    const { client, runtime, close } = await connectInMemory(snowflakeApp, { env: { SNOWFLAKE_ACCOUNT: 'xy12345' } });
    const text = resultError(await client.callTool({ name: 'run_query', arguments: { sql: 'SELECT 1' } }));
    await close();
    const options = 'one of: SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY (key pair), or SNOWFLAKE_TOKEN (token)';
    expect(runtime.readiness()).toMatchObject({
      ready: false,
      status: 'not_configured',
      missing: ['SNOWFLAKE_USER', 'SNOWFLAKE_PRIVATE_KEY', 'SNOWFLAKE_TOKEN'],
      need: options,
    });
    expect(text).toBe(
      `not_configured: Snowflake is not configured: set ${options} ` +
        '(environment variables, or environmentVariables.<NAME> in the Pulumi ESC environment).',
    );
  });

  it('a private key without its user is no key pair: not ready either', async () => {
    const { runtime, close } = await connectInMemory(snowflakeApp, {
      env: { SNOWFLAKE_ACCOUNT: 'xy12345', SNOWFLAKE_PRIVATE_KEY: configuredEnv.SNOWFLAKE_PRIVATE_KEY },
    });
    await close();
    expect(runtime.readiness()).toMatchObject({ status: 'not_configured', missing: ['SNOWFLAKE_USER', 'SNOWFLAKE_TOKEN'] });
  });

  it('401 (expired JWT) → unauthorized, and the next call signs a fresh JWT', async () => {
    const submit = submitRoute((_request, call) =>
      call === 1 ? snowflakeError(401, '390318', 'JWT token is expired.') : resultSet([column('X', 'fixed')], [['1']]),
    );
    fake.use(submit.handler);
    const { client, close } = await connectInMemory(snowflakeApp, { env: configuredEnv });
    const failed = await client.callTool({ name: 'run_query', arguments: { sql: 'SELECT 1' } });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new iat second → a different token
    const ok = await client.callTool({ name: 'run_query', arguments: { sql: 'SELECT 1' } });
    await close();
    expect(resultError(failed)).toBe('unauthorized: Snowflake rejected the credentials (HTTP 401): JWT token is expired. Check the token.');
    expect(resultJson(ok)).toMatchObject({ status: 'succeeded' });
    expect(submit.received[0]?.headers.get('authorization')).not.toBe(submit.received[1]?.headers.get('authorization'));
  });

  it('429 with a long Retry-After → rate_limited naming the wait (POSTs are not retried)', async () => {
    const submit = submitRoute(() => snowflakeError(429, '000610', 'Too many requests.', { 'retry-after': '30' }));
    fake.use(submit.handler);
    expect(resultError(await toolCaller(snowflakeApp, configuredEnv)('run_query', { sql: 'SELECT 1' }))).toBe(
      'rate_limited: Snowflake rate limit reached (HTTP 429): Too many requests. Retry after 30s.',
    );
    expect(submit.received).toHaveLength(1);
  });
});
