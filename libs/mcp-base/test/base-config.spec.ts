import { ConfigError, createRuntime } from '../src';
import { echoApp } from './echo-app';

const build = (env: Record<string, string>) =>
  createRuntime(echoApp, { env: { LOG_LEVEL: 'silent', ECHO_TOKEN: 'x', ...env }, defaultMetrics: false });

describe('base configuration', () => {
  it('binds to loopback on the manifest port by default', async () => {
    const runtime = await build({});
    expect(runtime.config).toMatchObject({ host: '127.0.0.1', port: 9099, readOnly: false });
    expect(runtime.config.allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });

  it("takes MCP_READ_ONLY's default from the manifest's write policy; the variable still decides when set", async () => {
    const readOnlyByDefault = {
      ...echoApp,
      manifest: { ...(echoApp.manifest as object), writePolicy: { readOnly: true } },
    };
    const runtime = (env: Record<string, string>) =>
      createRuntime(readOnlyByDefault, { env: { LOG_LEVEL: 'silent', ECHO_TOKEN: 'x', ...env }, defaultMetrics: false });
    const names = async (env: Record<string, string>) => (await runtime(env)).tools.map((tool) => tool.name);
    expect(await names({})).toEqual(['echo']);
    expect(await names({ MCP_READ_ONLY: 'false' })).toEqual(['echo', 'echo_write']);
    expect(await names({ MCP_READ_ONLY: 'true' })).toEqual(['echo']);
    expect((await build({})).tools.map((tool) => tool.name)).toEqual(['echo', 'echo_write']);
  });

  it('refuses to bind beyond loopback without MCP_AUTH_TOKEN', async () => {
    await expect(build({ MCP_HOST: '0.0.0.0' })).rejects.toThrow(
      'MCP_AUTH_TOKEN is required when MCP_HOST=0.0.0.0 (binding beyond loopback)',
    );
    await expect(build({ MCP_HOST: '0.0.0.0', MCP_AUTH_TOKEN: 'tok' })).resolves.toBeDefined();
  });

  it('names each malformed variable', async () => {
    const attempt = build({ MCP_READ_ONLY: 'maybe', MCP_TOOL_TIMEOUT_MS: '-5' });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/MCP_READ_ONLY: expected true\/false, got "maybe"/);
    await expect(attempt).rejects.toThrow(/MCP_TOOL_TIMEOUT_MS: expected an integer >= 1, got "-5"/);
  });

  it('rejects a manifest that breaks the naming and port rules', async () => {
    const bad = { ...echoApp, manifest: { ...(echoApp.manifest as object), name: 'Echo', port: 80 } };
    await expect(createRuntime(bad, { env: {}, defaultMetrics: false })).rejects.toThrow(/Invalid server manifest/);
  });
});
