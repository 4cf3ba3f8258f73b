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
    await expect(build({ MCP_HOST: '0.0.0.0', MCP_AUTH_TOKEN: 'a'.repeat(32) })).resolves.toBeDefined();
  });

  it('refuses an MCP_AUTH_TOKEN shorter than 32 characters, saying how to make one', async () => {
    for (const token of ['x', 'tok', 'a'.repeat(31)]) {
      const attempt = build({ MCP_AUTH_TOKEN: token });
      await expect(attempt).rejects.toBeInstanceOf(ConfigError);
      await expect(attempt).rejects.toThrow(
        `MCP_AUTH_TOKEN is ${token.length} characters; it must be at least 32. Make one with \`openssl rand -hex 32\`.`,
      );
    }
    // Surrounding whitespace (a newline from a secret file) does not count.
    await expect(build({ MCP_AUTH_TOKEN: ` ${'b'.repeat(31)}\n` })).rejects.toThrow(/MCP_AUTH_TOKEN is 31 characters/);
    expect((await build({ MCP_AUTH_TOKEN: 'c'.repeat(64) })).config.authToken).toBe('c'.repeat(64));
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
