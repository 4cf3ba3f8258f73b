import { HttpResponse, resultError, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { getMeOutput } from '../src/tools/me-get.tool';
import { callTool, configuredEnv, figmaErr, route } from './fake-upstream';
import { FILE_KEY, me, nodesResponse } from './fixtures/figma';

/**
 * How Figma's failures reach the client. The base's upstream fetch retries reads (MCP_UPSTREAM_*);
 * figma-errors.ts turns what is left into errors that say what to do.
 */
describe('Figma failures', () => {
  const fake = useFakeUpstream();
  const getMe = (env: Record<string, string> = configuredEnv) => callTool('get_me', {}, env);
  const designContext = (env: Record<string, string> = configuredEnv) => callTool('get_design_context', { file: FILE_KEY, nodeId: '1:2' }, env);
  const nodes = (respond: Parameters<typeof route>[2]) => route('get', `/files/${FILE_KEY}/nodes`, respond);

  it('403 "Invalid token" (how Figma answers a bad token) → unauthorized naming both credentials', async () => {
    fake.use(route('get', '/me', () => figmaErr(403, 'Invalid token')).handler);
    expect(resultError(await getMe())).toBe(
      'unauthorized: Figma rejected the credentials (HTTP 403): Invalid token. Check FIGMA_TOKEN (a personal access token) or FIGMA_OAUTH_TOKEN, and that it has not expired.',
    );
  });

  it('401 → unauthorized', async () => {
    fake.use(route('get', '/me', () => figmaErr(401, 'Unauthorized')).handler);
    expect(resultError(await getMe())).toMatch(/^unauthorized: Figma rejected the credentials \(HTTP 401\): Unauthorized\./);
  });

  it('403 on a file → forbidden naming the scope the endpoint needs', async () => {
    fake.use(nodes(() => figmaErr(403, 'Forbidden')).handler);
    expect(resultError(await designContext())).toBe(
      "forbidden: Figma denied access (HTTP 403): Forbidden. The token's user needs access to this file, and the token the scope file_content:read.",
    );
  });

  it('404 → not_found with advice on the file key', async () => {
    fake.use(nodes(() => figmaErr(404, 'Not found')).handler);
    expect(resultError(await designContext())).toMatch(/^not_found: Figma found nothing there \(HTTP 404\): Not found\. Check the file key/);
  });

  it('400 → invalid_input with Figma\'s message and advice to ask for less', async () => {
    fake.use(nodes(() => figmaErr(400, 'Request too large')).handler);
    expect(resultError(await designContext())).toBe(
      'invalid_input: Figma rejected the request (HTTP 400): Request too large. If the request was large, ask for fewer or smaller nodes (a nodeId, a lower depth or scale).',
    );
  });

  it('429 with a short Retry-After is waited out, then succeeds', async () => {
    const meRoute = route('get', '/me', (_request, call) => (call === 1 ? figmaErr(429, 'Rate limit exceeded', { 'retry-after': '1' }) : HttpResponse.json(me)));
    fake.use(meRoute.handler);
    const started = Date.now();
    structuredContent(await getMe({ ...configuredEnv, MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500' }), getMeOutput);
    expect(meRoute.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 of a Starter-plan file (low limit, days to wait) → rate_limited at once, saying Starter files get a handful of requests a month', async () => {
    const limited = nodes(() =>
      figmaErr(429, 'Rate limit exceeded', {
        'retry-after': '396749',
        'x-figma-plan-tier': 'starter',
        'x-figma-rate-limit-type': 'low',
        'x-figma-upgrade-link': 'https://www.figma.com/pricing',
      }),
    );
    fake.use(limited.handler);
    expect(resultError(await designContext())).toBe(
      'rate_limited: Figma rate limit reached (HTTP 429; plan tier starter, rate-limit type low): Rate limit exceeded. ' +
        'Files in a Starter plan, and tokens of View or Collab seats, get only a handful of requests a month (up to 6 for file content and renders): ' +
        'move the file into a team on a paid plan, or use a token of a Full or Dev seat there. Upgrade: https://www.figma.com/pricing. Retry after 396749s.',
    );
    expect(limited.received).toHaveLength(1);
  });

  it('429 of a paid plan (high limit) with a long Retry-After → rate_limited advising to wait and ask for less', async () => {
    fake.use(nodes(() => figmaErr(429, 'Rate limit exceeded', { 'retry-after': '60', 'x-figma-plan-tier': 'pro', 'x-figma-rate-limit-type': 'high' })).handler);
    expect(resultError(await designContext())).toBe(
      'rate_limited: Figma rate limit reached (HTTP 429; plan tier pro, rate-limit type high): Rate limit exceeded. Wait, then ask for less at once (a nodeId, a lower depth). Retry after 60s.',
    );
  });

  it('a 502 on a read is retried, then succeeds', async () => {
    const flaky = nodes((_request, call) => (call === 1 ? figmaErr(502, 'Bad gateway') : HttpResponse.json(nodesResponse())));
    fake.use(flaky.handler);
    expect((await designContext()).isError).toBeFalsy();
    expect(flaky.received).toHaveLength(2);
  });

  it('a 500 is not retried → upstream_error advising a smaller request (Figma\'s big-render failure)', async () => {
    const failing = nodes(() => figmaErr(500, 'Internal server error'));
    fake.use(failing.handler);
    expect(resultError(await designContext())).toBe(
      'upstream_error: Figma failed (HTTP 500): Internal server error. If the request was large, ask for fewer or smaller nodes (a nodeId, a lower depth or scale).',
    );
    expect(failing.received).toHaveLength(1);
  });

  it.each([
    ['HTML', () => new HttpResponse('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } }), 'Figma answered HTTP 200 with text/html instead of JSON.'],
    ['JSON of another shape', () => HttpResponse.json({ unexpected: true }), `Figma answered files/${FILE_KEY}/nodes with an unexpected body (no \`nodes\`).`],
  ])('a 200 with %s → upstream_error naming Figma', async (_label, answer, message) => {
    fake.use(nodes(answer).handler);
    expect(resultError(await designContext())).toBe(`upstream_error: ${message}`);
  });

  it('the token never appears in an error, even when Figma echoes it', async () => {
    fake.use(route('get', '/me', ({ headers }) => figmaErr(403, `Invalid token ${headers.get('x-figma-token')}`)).handler);
    const error = resultError(await getMe());
    expect(error).not.toContain(configuredEnv.FIGMA_TOKEN);
    expect(error).toContain('[redacted]');
  });
});
