import { tsObject, tsString } from '../shared/source-text';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A tool's upstream HTTP call, parsed from `--route="GET /repos/{owner}/{repo}"`. */
export interface Route {
  method: HttpMethod;
  /** The path as written, with `{param}` placeholders. */
  path: string;
  /** The placeholders in order; each becomes a string input of the tool. */
  params: string[];
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
// These names are taken by the generated input (query, body) and by Octokit's options (request).
const RESERVED_PARAMS = new Set(['query', 'body', 'request']);

export function parseRoute(text: string): Route {
  const match = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(text);
  const method = match?.[1]?.toUpperCase() as HttpMethod | undefined;
  if (!match || !method || !METHODS.includes(method)) {
    throw new Error(`--route "${text}" must look like "GET /widgets/{id}" (methods: ${METHODS.join(', ')})`);
  }
  const path = match[2];
  const params = [...path.matchAll(/\{([^}]*)\}/g)].map((found) => found[1]);
  for (const param of params) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(param)) {
      throw new Error(`--route "${text}": path parameter {${param}} must be an identifier such as {issue_number}`);
    }
    if (RESERVED_PARAMS.has(param)) {
      throw new Error(`--route "${text}": {${param}} clashes with a generated input; rename it`);
    }
  }
  const repeated = params.find((param, index) => params.indexOf(param) !== index);
  if (repeated) throw new Error(`--route "${text}": path parameter {${repeated}} appears twice`);
  return { method, path, params };
}

/**
 * What a scaffold template writes for an HTTP route: the tool's input, its handler's pieces and
 * the example call its spec makes. The route only shapes the call; read-only is a flag of its own
 * (Notion searches with POST, Slack reads with POST).
 */
export function routeView(route: Route) {
  // GET passes an optional `query` through; methods with a body take an optional JSON `body`.
  const extra = route.method === 'GET' ? 'query' : route.method === 'DELETE' ? undefined : 'body';
  const sampleParams = Object.fromEntries(route.params.map((param) => [param, `${param}-1`]));
  const samplePath = route.path.replace(/\{(\w+)\}/g, (_match, param: string) => sampleParams[param]);
  const query = { limit: '5' };
  const body = { name: 'Example' };
  const fields = [...route.params, ...(extra ? [extra] : [])];
  return {
    ...route,
    /** get, post, … */
    verb: route.method.toLowerCase(),
    extra,
    /** The zod input: one string per path parameter, plus `query` or `body`. */
    input: inputSource(route, extra),
    /** The handler's parameter: `{ id, query }`, or `_input` without fields. */
    args: fields.length ? `{ ${fields.join(', ')} }` : '_input',
    /** The same with the path parameters gathered: `{ query, ...params }` (Octokit fills `{param}` itself). */
    restArgs: extra ? `{ ${extra}${route.params.length ? ', ...params' : ''} }` : route.params.length ? 'params' : '_input',
    /** The path as an expression with each parameter URL-encoded: `/items/${encodeURIComponent(id)}`. */
    url: urlExpression(route.path, route.params),
    /** The same without the leading slash, for clients that take a relative path. */
    relativeUrl: urlExpression(route.path.replace(/^\/+/, ''), route.params),
    sample: {
      /** The path the example call reaches. */
      path: samplePath,
      callArguments: tsObject({ ...sampleParams, ...(extra === 'query' ? { query } : {}), ...(extra === 'body' ? { body } : {}) }),
      /** What the fake upstream must receive: method, path and query (or JSON body). */
      expectedRequest: tsObject(
        extra === 'body'
          ? { method: route.method, path: samplePath, body }
          : { method: route.method, path: samplePath, query: extra === 'query' ? query : {} },
      ),
      /** The fields of a recorded request the spec compares: `method, path, query` (or `body`). */
      fields: `method, path, ${extra === 'body' ? 'body' : 'query'}`,
      /** What the fake answers, and the tool returns unchanged. */
      answer: tsObject(route.method === 'DELETE' ? { deleted: true } : { ...sampleParams, name: 'Example' }),
    },
  };
}

export type RouteView = ReturnType<typeof routeView>;

function inputSource(route: Route, extra: 'query' | 'body' | undefined): string {
  const fields = route.params.map(
    (param) => `${param}: z.string().min(1).describe(${tsString(`Value of {${param}} in ${route.path}.`)}),`,
  );
  if (extra === 'query') {
    fields.push(`query: z.record(z.string(), z.string()).optional().describe('Query parameters, e.g. { "limit": "10" }.'),`);
  }
  if (extra === 'body') {
    fields.push(`body: z.record(z.string(), z.unknown()).optional().describe('JSON request body, sent as-is.'),`);
  }
  if (fields.length === 0) return 'z.object({})';
  return ['z.object({', ...fields.map((field) => `    ${field}`), '  })'].join('\n');
}

function urlExpression(path: string, params: string[]): string {
  if (!params.length) return tsString(path);
  return `\`${path.replace(/\{(\w+)\}/g, (_match, param: string) => `\${encodeURIComponent(${param})}`)}\``;
}
