import { tsObject } from '../shared/source-text';
import { extraInput } from './handler-source';
import { mswPath, type Route } from './route';

/**
 * The example call a generated spec makes, and what the fake upstream must then see:
 * every path parameter filled, plus a query (GET) or a body (writes).
 */
export function specSample(route: Route, toolset: string) {
  const params = Object.fromEntries(route.params.map((param) => [param, `${param}-1`]));
  const path = route.path.replace(/\{(\w+)\}/g, (_match, param: string) => params[param]);
  const extra = extraInput(route);
  const query = { limit: '5' };
  const body = { name: 'Example' };
  const callArguments = { ...params, ...(extra === 'query' ? { query } : {}), ...(extra === 'body' ? { body } : {}) };
  const expectedRequest =
    extra === 'body' ? { method: route.method, path, body } : { method: route.method, path, query: extra === 'query' ? query : {} };
  const fakeBody = route.method === 'DELETE' ? { deleted: true } : { ...params, name: `Example from ${toolset}` };
  return {
    mswPath: mswPath(route.path),
    callArguments: tsObject(callArguments),
    expectedRequest: tsObject(expectedRequest),
    fakeBody: tsObject(fakeBody),
  };
}
