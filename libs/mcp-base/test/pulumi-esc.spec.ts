import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createRuntime } from '../src';
import { echoApp } from './echo-app';
import { connect } from './in-memory-client';

// The ESC API as documented: open a session, then read its resolved properties.
const ESC = 'https://api.pulumi.com/api/esc/environments/acme/mcp/prod';
const opened: string[] = [];
const fake = setupServer(
  http.post(`${ESC}/open`, ({ request }) => {
    opened.push(request.headers.get('authorization') ?? '');
    return HttpResponse.json({ id: 'session-1', diagnostics: [] });
  }),
  http.get(`${ESC}/open/session-1`, () =>
    HttpResponse.json({
      properties: {
        environmentVariables: {
          value: {
            ECHO_TOKEN: { value: 'from-esc-token', secret: true },
            ECHO_PREFIX: { value: 'esc> ' },
          },
        },
      },
    }),
  ),
);
beforeAll(() => fake.listen({ onUnhandledRequest: 'error' }));
afterEach(() => fake.resetHandlers());
afterAll(() => fake.close());

const escEnv = { PULUMI_ACCESS_TOKEN: 'pul-abc', ESC_ENVIRONMENT: 'acme/mcp/prod', LOG_LEVEL: 'silent' };

describe('Pulumi ESC', () => {
  it('fills configuration from the environment’s environmentVariables', async () => {
    const runtime = await createRuntime(echoApp, { env: escEnv, defaultMetrics: false });
    expect(runtime.readiness()).toEqual({ ready: true, status: 'ready', tools: 2 });
    expect(opened.at(-1)).toBe('token pul-abc');
  });

  it('lets an explicit env var win over ESC', async () => {
    const { client, textOf, close } = await connect(echoApp, { ...escEnv, ECHO_PREFIX: 'env> ' });
    const result = await client.callTool({ name: 'echo', arguments: { message: 'x' } });
    await close();
    expect(textOf(result)).toBe('{"echoed":"env> x"}');
  });

  it('starts not ready, with the reason, when ESC cannot be opened', async () => {
    fake.use(http.post(`${ESC}/open`, () => HttpResponse.json({ message: 'unauthorized' }, { status: 401 })));
    const runtime = await createRuntime(echoApp, { env: escEnv, defaultMetrics: false });
    expect(runtime.readiness()).toMatchObject({
      ready: false,
      status: 'not_configured',
      missing: ['ECHO_TOKEN'],
    });
    expect(runtime.readiness().reason).toContain('could not open Pulumi ESC environment acme/mcp/prod: HTTP 401');
  });

  it('reaches a self-hosted backend on its port (PULUMI_BACKEND_URL)', async () => {
    const selfHosted = 'http://pulumi.internal:8443/api/esc/environments/acme/mcp/prod';
    const calls: string[] = [];
    fake.use(
      http.post(`${selfHosted}/open`, ({ request }) => {
        calls.push(request.url);
        return HttpResponse.json({ id: 'session-9', diagnostics: [] });
      }),
      http.get(`${selfHosted}/open/session-9`, () =>
        HttpResponse.json({ properties: { environmentVariables: { value: { ECHO_TOKEN: { value: 'self-hosted', secret: true } } } } }),
      ),
    );
    const env = { ...escEnv, PULUMI_BACKEND_URL: 'http://pulumi.internal:8443/' };
    const runtime = await createRuntime(echoApp, { env, defaultMetrics: false });
    expect(runtime.readiness()).toEqual({ ready: true, status: 'ready', tools: 2 });
    expect(calls).toEqual([`${selfHosted}/open`]);
  });

  it('rejects an ESC_ENVIRONMENT that is not org/project/env', async () => {
    const runtime = await createRuntime(echoApp, { env: { ...escEnv, ESC_ENVIRONMENT: 'prod' }, defaultMetrics: false });
    expect(runtime.readiness().reason).toContain('ESC_ENVIRONMENT must be "org/project/env", got "prod"');
  });
});
