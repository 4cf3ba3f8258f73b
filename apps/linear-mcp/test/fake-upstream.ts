import { HttpResponse, recordedRoute, toolCaller } from '@sophia/mcp-testing';
import { linearApp } from '../src/app';

/** The fake Linear GraphQL endpoint tests point LINEAR_API_URL at (HTTPS: the SDK refuses plain HTTP off loopback). */
export const API_URL = 'https://linear.fake/graphql';

/** A personal API key: Linear wants it as the whole Authorization header, without "Bearer". */
export const API_KEY = 'lin_api_test0000000000000000';

/** Environment of a configured server against the fake; short retry delays keep tests fast. */
export const configuredEnv = {
  LINEAR_API_KEY: API_KEY,
  LINEAR_API_URL: API_URL,
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** The fleet's write policy serves tools that destroy data only with MCP_ALLOW_DESTRUCTIVE. */
export const destructiveEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true' };

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(linearApp, configuredEnv);

type Variables = Record<string, unknown>;
type OperationHandler = (variables: Variables, call: number) => Response | Promise<Response>;

/** One GraphQL request as the fake received it. */
export interface ReceivedOperation {
  name: string;
  query: string;
  variables: Variables;
  headers: Headers;
}

/** The operation name of a document: `query ListIssues(…)` → "ListIssues". */
const operationName = (query: string): string => /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '(anonymous)';

/**
 * The fake Linear endpoint: one POST route that dispatches on the operation name, as Linear's single
 * GraphQL URL serves every query. Each handler gets the variables and its own 1-based call number.
 * An operation with no handler is answered with a GraphQL error naming it, so the test fails loudly.
 */
export function fakeLinear(operations: Record<string, OperationHandler>) {
  const seen: ReceivedOperation[] = [];
  const route = recordedRoute('post', API_URL, (request) => {
    const body = request.body as { query: string; variables?: Variables };
    const name = operationName(body.query);
    seen.push({ name, query: body.query, variables: body.variables ?? {}, headers: request.headers });
    const handler = operations[name];
    if (!handler) {
      return linearErrors(400, [{ message: `the fake Linear has no handler for ${name}`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    }
    return handler(body.variables ?? {}, seen.filter((operation) => operation.name === name).length);
  });
  return {
    handler: route.handler,
    /** Every operation received, in order. */
    received: seen,
    /** The variables of each call of one operation, in order. */
    variablesOf: (name: string) => seen.filter((operation) => operation.name === name).map((operation) => operation.variables),
  };
}

/** Linear's budget headers, sent on every answer. */
export const rateLimitHeaders = {
  'x-ratelimit-requests-limit': '5000',
  'x-ratelimit-requests-remaining': '4999',
  'x-ratelimit-requests-reset': String(Date.now() + 3_600_000),
  'x-complexity': '120',
};

/** A successful GraphQL answer: `{ data }`. */
export function linearData(data: unknown): Response {
  return HttpResponse.json({ data }, { headers: rateLimitHeaders });
}

/** One GraphQL error as Linear sends it (message plus extensions code/type/statusCode/userPresentableMessage). */
export interface LinearGraphqlError {
  message: string;
  path?: string[];
  extensions?: Record<string, unknown>;
}

/** A failed GraphQL answer: `{ errors, data: null }` with the given HTTP status. */
export function linearErrors(status: number, errors: LinearGraphqlError[], headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ errors, data: null }, { status, headers });
}

/** Linear's documented error payloads (trimmed). */
export const errors = {
  entityNotFound: (entity: string, path: string): LinearGraphqlError => ({
    message: `Entity not found: ${entity}`,
    path: [path],
    extensions: {
      code: 'INPUT_ERROR',
      type: 'invalid input',
      statusCode: 400,
      userError: true,
      userPresentableMessage: `Could not find referenced ${entity}.`,
    },
  }),
  authentication: (): LinearGraphqlError => ({
    message: 'Authentication required, not authenticated',
    extensions: {
      code: 'AUTHENTICATION_ERROR',
      type: 'authentication error',
      statusCode: 401,
      userError: true,
      userPresentableMessage: 'You need to authenticate to access this operation.',
    },
  }),
  forbidden: (): LinearGraphqlError => ({
    message: 'Forbidden',
    extensions: { code: 'FORBIDDEN', type: 'forbidden', statusCode: 403, userPresentableMessage: 'You do not have access to this team.' },
  }),
  invalidInput: (message: string): LinearGraphqlError => ({
    message: 'Argument Validation Error',
    extensions: { code: 'INPUT_ERROR', type: 'invalid input', statusCode: 400, userError: true, userPresentableMessage: message },
  }),
  rateLimited: (): LinearGraphqlError => ({
    message: 'Rate limit exceeded. Only 5000 requests are allowed per 1 hour.',
    extensions: { code: 'RATELIMITED', type: 'ratelimited', statusCode: 429 },
  }),
};
