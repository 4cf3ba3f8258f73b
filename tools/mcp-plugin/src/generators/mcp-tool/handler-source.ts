import { tsString } from '../shared/source-text';
import { sendsBody, type Route } from './route';

/**
 * Source text of a generated tool's input schema and handler. The handler really performs
 * the route: through Octokit in Octokit apps, through the app's UpstreamClient otherwise.
 */

/** The optional pass-through input next to the path parameters: `query` for GET, `body` for writes. */
export function extraInput(route: Route): 'query' | 'body' | undefined {
  if (route.method === 'GET') return 'query';
  return sendsBody(route.method) ? 'body' : undefined;
}

export function inputSource(route: Route): string {
  const fields = route.params.map(
    (param) => `${param}: z.string().min(1).describe(${tsString(`Value of {${param}} in ${route.path}.`)}),`,
  );
  const extra = extraInput(route);
  if (extra === 'query') {
    fields.push(`query: z.record(z.string(), z.string()).optional().describe('Query parameters, e.g. { "limit": "10" }.'),`);
  }
  if (extra === 'body') {
    fields.push(`body: z.record(z.string(), z.unknown()).optional().describe('JSON request body, sent as-is.'),`);
  }
  if (fields.length === 0) return 'z.object({})';
  return ['z.object({', ...fields.map((field) => `    ${field}`), '  })'].join('\n');
}

export function handlerSource(route: Route, usesOctokit: boolean): string {
  return usesOctokit ? octokitHandler(route) : upstreamHandler(route);
}

/** `ctx.api.request('get', `/items/${encodeURIComponent(id)}`, {...})` in one expression. */
function upstreamHandler(route: Route): string {
  const extra = extraInput(route);
  const names = [...route.params, ...(extra ? [extra] : [])];
  const args = names.length ? `{ ${names.join(', ')} }` : '_input';
  const path = route.params.length
    ? `\`${route.path.replace(/\{(\w+)\}/g, (_match, param: string) => `\${encodeURIComponent(${param})}`)}\``
    : tsString(route.path);
  const sent = extra === 'query' ? 'searchParams: query, ' : extra === 'body' ? 'json: body, ' : '';
  return [
    `async (${args}, ctx) =>`,
    `    ctx.api.request(${tsString(route.method.toLowerCase())}, ${path}, { ${sent}signal: ctx.signal })`,
  ].join('\n');
}

/** Octokit fills `{param}` from the options and sends the rest as query (GET) or JSON body. */
function octokitHandler(route: Route): string {
  const extra = extraInput(route);
  const hasParams = route.params.length > 0;
  const args = extra ? `{ ${extra}${hasParams ? ', ...params' : ''} }` : hasParams ? 'params' : '_input';
  const spread = [...(extra ? [`...${extra},`] : []), ...(hasParams ? ['...params,'] : [])];
  return [
    `async (${args}, ctx) => {`,
    '    // request<string>: the inputs are plain strings, so Octokit\'s per-route parameter types do not apply.',
    `    const { data } = await ctx.octokit.request<string>(${tsString(`${route.method} ${route.path}`)}, {`,
    ...spread.map((line) => `      ${line}`),
    '      request: { signal: ctx.signal },',
    '    });',
    '    return data;',
    '  }',
  ].join('\n');
}
