export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A tool's upstream call, parsed from `--route="GET /repos/{owner}/{repo}"`. */
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

export const defaultRoute = (toolset: string) => `GET /${toolset}/{id}`;

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

/** The route's path as an MSW pattern: `/items/{id}` -> `/items/:id`. */
export const mswPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** GET only reads; DELETE destroys; POST/PUT/PATCH write without destroying. */
export function annotationsFor(method: HttpMethod): string {
  if (method === 'GET') return '{ readOnlyHint: true, openWorldHint: true }';
  const destructive = method === 'DELETE';
  return `{ readOnlyHint: false, destructiveHint: ${destructive}, openWorldHint: true }`;
}

/** Methods whose tool takes an optional JSON `body` input. */
export const sendsBody = (method: HttpMethod) => method === 'POST' || method === 'PUT' || method === 'PATCH';
