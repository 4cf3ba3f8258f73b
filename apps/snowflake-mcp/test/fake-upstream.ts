import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { HttpResponse, recordedRoute, type ReceivedRequest } from '@sophia/mcp-testing';
import { jwtVerify, type JWTPayload } from 'jose';

/** The fake Snowflake base URL tests point SNOWFLAKE_API_URL at. */
export const API_URL = 'https://snowflake.fake';
export const STATEMENTS_URL = `${API_URL}/api/v2/statements`;

/** A key pair made for this test run, as an operator would (PKCS#8 private, SPKI public). */
export const keyPair = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** The fingerprint Snowflake shows as RSA_PUBLIC_KEY_FP, computed here from the public key alone. */
export const publicKeyFp = `SHA256:${createHash('sha256')
  .update(createPublicKey(keyPair.publicKey).export({ type: 'spki', format: 'der' }))
  .digest('base64')}`;

/** Environment of a configured server (key-pair auth) against the fake; short waits keep tests fast. */
export const configuredEnv = {
  SNOWFLAKE_ACCOUNT: 'xy12345.us-east-2.aws',
  SNOWFLAKE_USER: 'mcp_reader',
  SNOWFLAKE_PRIVATE_KEY: keyPair.privateKey,
  SNOWFLAKE_API_URL: API_URL,
  SNOWFLAKE_POLL_INTERVAL_MS: '10',
  SNOWFLAKE_MAX_WAIT_MS: '2000',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '50',
};

/** Token auth instead of the key pair. */
export const tokenEnv = {
  SNOWFLAKE_ACCOUNT: 'xy12345',
  SNOWFLAKE_TOKEN: 'pat-secret-000000',
  SNOWFLAKE_TOKEN_TYPE: 'PROGRAMMATIC_ACCESS_TOKEN',
  SNOWFLAKE_API_URL: API_URL,
  SNOWFLAKE_POLL_INTERVAL_MS: '10',
};

/** Verifies a request's key-pair JWT the way Snowflake does: signature with the registered public key, claims. */
export async function verifiedJwt(request: ReceivedRequest): Promise<{ payload: JWTPayload; alg: string; token: string }> {
  const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
  const { payload, protectedHeader } = await jwtVerify(token, createPublicKey(keyPair.publicKey), { algorithms: ['RS256'] });
  return { payload, alg: protectedHeader.alg, token };
}

/** A rowType entry as Snowflake sends it. */
export function column(name: string, type: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    database: 'SALES',
    schema: 'PUBLIC',
    table: 'ORDERS',
    nullable: true,
    type,
    byteLength: type === 'text' ? 16777216 : null,
    length: type === 'text' ? 16777216 : null,
    precision: type === 'fixed' ? 38 : null,
    scale: type === 'fixed' ? 0 : null,
    collation: null,
    ...extra,
  };
}

export const HANDLE = '01b2c3d4-0000-4a5b-0000-00010002a00e';

/** 200 with a ResultSet: code 090001, resultSetMetaData (rowType, partitionInfo), data as strings. */
export function resultSet(
  rowType: ReturnType<typeof column>[],
  data: (string | null)[][],
  options: { handle?: string; partitions?: number[]; numRows?: number } = {},
) {
  const handle = options.handle ?? HANDLE;
  const partitions = options.partitions ?? [data.length];
  return HttpResponse.json({
    resultSetMetaData: {
      numRows: options.numRows ?? partitions.reduce((sum, rows) => sum + rows, 0),
      format: 'jsonv2',
      partitionInfo: partitions.map((rowCount) => ({ rowCount, uncompressedSize: rowCount * 40 })),
      rowType,
    },
    data,
    code: '090001',
    statementStatusUrl: `/api/v2/statements/${handle}?requestId=6a2ef0bd-7e5f-4a05-8b0e-3d8a6c1e2f10`,
    requestId: '6a2ef0bd-7e5f-4a05-8b0e-3d8a6c1e2f10',
    sqlState: '00000',
    statementHandle: handle,
    message: 'Statement executed successfully.',
    createdOn: 1_726_000_000_000,
  });
}

/** A later partition: only its rows. */
export function partitionData(data: (string | null)[][]) {
  return HttpResponse.json({ data });
}

/** 202 with a QueryStatus while the statement runs. */
export function running(handle = HANDLE) {
  return HttpResponse.json(
    {
      code: '333334',
      message: 'Asynchronous execution in progress. Use provided query id to perform query monitoring and management.',
      statementHandle: handle,
      statementStatusUrl: `/api/v2/statements/${handle}`,
    },
    { status: 202 },
  );
}

/** Snowflake's error body: { code, message, sqlState, statementHandle }. */
export function snowflakeError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ code, message, sqlState: '42000', statementHandle: HANDLE }, { status, headers });
}

/** POST /api/v2/statements, recorded. */
export function submitRoute(respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>) {
  return recordedRoute('post', STATEMENTS_URL, respond);
}

/** GET /api/v2/statements/{handle}, recorded. */
export function statusRoute(respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>) {
  return recordedRoute('get', `${STATEMENTS_URL}/:handle`, respond);
}

/** The SQL text a recorded POST carried. */
export function statementOf(request: ReceivedRequest | undefined): string {
  return (request?.body as { statement?: string } | undefined)?.statement ?? '';
}

/** A rowType entry of a SHOW/DESCRIBE result: Snowflake leaves database/schema/table empty there. */
export function showColumn(name: string, type = 'text') {
  return column(name, type, { database: '', schema: '', table: '', nullable: true });
}

/** POST /api/v2/statements/{handle}/cancel, recorded. */
export function cancelRoute(respond: (request: ReceivedRequest, call: number) => Response | Promise<Response>) {
  return recordedRoute('post', `${STATEMENTS_URL}/:handle/cancel`, respond);
}
