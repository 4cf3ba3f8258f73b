import { Writable } from 'node:stream';
import { z } from 'zod';
import { ToolError, createRuntime, defineMcpApp, envBoolean, envSecret, toolDefiner, withLifecycle } from '../src';
import { connect } from './in-memory-client';

/** What the runtime derives from the manifest's declaration: readiness, upstream default, write policy, scrubbing. */

interface VaultContext {
  url: string;
  token?: string;
}
interface VaultConfig {
  VAULT_API_URL: string;
  VAULT_USER?: string;
  VAULT_KEY?: string;
  VAULT_TOKEN?: string;
  DATABASE_URL?: string;
  VAULT_SEARCH: boolean;
}
const defineVaultTool = toolDefiner<VaultContext, VaultConfig>();

const whereTool = defineVaultTool({
  name: 'where',
  toolset: 'read',
  title: 'Where',
  description: 'Says which URL the context got.',
  input: z.object({}),
  annotations: { readOnlyHint: true },
  handler: async (_input, ctx) => ({ url: ctx.url }),
});
const leakTool = defineVaultTool({
  name: 'leak',
  toolset: 'read',
  title: 'Leak',
  description: 'Fails the way a careless upstream error would: echoing the credentials.',
  input: z.object({ mode: z.enum(['throw', 'tool_error', 'return']) }),
  annotations: { readOnlyHint: true },
  handler: async ({ mode }, ctx) => {
    const echoed = `upstream said: bad token ${ctx.token} for ${ctx.url}`;
    ctx.logger.debug({ detail: { nested: echoed } }, `debugging ${echoed}`);
    if (mode === 'throw') throw new Error(echoed);
    if (mode === 'tool_error') throw new ToolError('unauthorized', echoed);
    return { echoed };
  },
});
const searchTool = defineVaultTool({
  name: 'search',
  toolset: 'read',
  title: 'Search',
  description: 'Only with VAULT_SEARCH.',
  input: z.object({}),
  annotations: { readOnlyHint: true },
  enabled: (config) => config.VAULT_SEARCH,
  handler: async () => ({}),
});
const purgeTool = defineVaultTool({
  name: 'purge',
  toolset: 'write',
  title: 'Purge',
  description: 'Destroys data.',
  input: z.object({}),
  annotations: { readOnlyHint: false, destructiveHint: true },
  handler: async () => ({ purged: true }),
});
const saveTool = defineVaultTool({
  name: 'save',
  toolset: 'write',
  title: 'Save',
  description: 'Writes, not destructive.',
  input: z.object({}),
  annotations: { readOnlyHint: false, destructiveHint: false },
  handler: async () => ({ saved: true }),
});

const manifest = {
  name: 'vault-mcp',
  title: 'Vault',
  description: 'Test server.',
  port: 9098,
  env: {
    VAULT_ACCOUNT: { description: 'Account.', required: true, esc: true },
    VAULT_API_URL: { description: 'Base URL.' },
    VAULT_USER: { description: 'User of the key.' },
    VAULT_KEY: { description: 'Key.', secret: true },
    VAULT_TOKEN: { description: 'Token.', secret: true },
    DATABASE_URL: { description: 'Connection string.', secret: true },
    VAULT_SEARCH: { description: 'Serve search.', default: 'false' },
  },
  credentials: [
    { name: 'key pair', env: ['VAULT_USER', 'VAULT_KEY'] },
    { name: 'token', env: ['VAULT_TOKEN'] },
  ],
  upstream: { urlEnv: 'VAULT_API_URL', defaultUrl: 'https://api.vault.example/v1' },
  writePolicy: { destructive: 'off', legacyEnv: ['VAULT_ALLOW_WRITES'] },
};

const configSchema = z.object({
  VAULT_ACCOUNT: envSecret(),
  VAULT_API_URL: z.url(),
  VAULT_USER: envSecret(),
  VAULT_KEY: envSecret(),
  VAULT_TOKEN: envSecret(),
  DATABASE_URL: envSecret(),
  VAULT_SEARCH: envBoolean(false),
});

function vaultApp(hooks: { ready?: () => Promise<void>; dispose?: () => Promise<void> } = {}) {
  return defineMcpApp({
    manifest,
    version: '1.0.0',
    tools: [whereTool, leakTool, searchTool, purgeTool, saveTool],
    config: configSchema,
    createContext: async (config: VaultConfig) =>
      withLifecycle({ url: config.VAULT_API_URL, token: config.VAULT_TOKEN ?? config.VAULT_KEY }, hooks),
  });
}

const configured = { VAULT_ACCOUNT: 'acme', VAULT_TOKEN: 'tok-abcdef-123456' };
const names = async (env: Record<string, string>) => {
  const { client, close } = await connect(vaultApp(), env);
  const { tools } = await client.listTools();
  await close();
  return tools.map((tool) => tool.name).sort();
};

describe('readiness from the declaration', () => {
  it('with only the required account: 503 not_configured naming the key-pair and the token options', async () => {
    const { client, runtime, textOf, close } = await connect(vaultApp(), { VAULT_ACCOUNT: 'acme' });
    const result = await client.callTool({ name: 'where', arguments: {} });
    await close();
    expect(runtime.readiness()).toEqual({
      ready: false,
      status: 'not_configured',
      tools: 3,
      missing: ['VAULT_USER', 'VAULT_KEY', 'VAULT_TOKEN'],
      need: 'one of: VAULT_USER and VAULT_KEY (key pair), or VAULT_TOKEN (token)',
      reason:
        'Vault is not configured: set one of: VAULT_USER and VAULT_KEY (key pair), or VAULT_TOKEN (token) ' +
        '(environment variables, or environmentVariables.<NAME> in the Pulumi ESC environment).',
    });
    expect(textOf(result)).toMatch(/^not_configured: Vault is not configured: set one of: VAULT_USER and VAULT_KEY \(key pair\), or VAULT_TOKEN/);
  });

  it('is ready with the account and either complete alternative', async () => {
    for (const env of [configured, { VAULT_ACCOUNT: 'acme', VAULT_USER: 'me', VAULT_KEY: 'key-abcdef-123456' }]) {
      const { runtime, close } = await connect(vaultApp(), env);
      await runtime.settled();
      expect(runtime.readiness()).toMatchObject({ ready: true, status: 'ready' });
      await close();
    }
  });
});

describe('the upstream URL', () => {
  it('defaults to the manifest upstream.defaultUrl and is overridden by its variable', async () => {
    const where = async (env: Record<string, string>) => {
      const { client, textOf, close } = await connect(vaultApp(), env);
      const text = textOf(await client.callTool({ name: 'where', arguments: {} }));
      await close();
      return JSON.parse(text).url;
    };
    expect(await where(configured)).toBe('https://api.vault.example/v1');
    expect(await where({ ...configured, VAULT_API_URL: 'http://127.0.0.1:9/v1' })).toBe('http://127.0.0.1:9/v1');
  });
});

describe('the write policy and configuration-aware tools', () => {
  it('hides destructive tools by default, and MCP_READ_ONLY hides every write', async () => {
    expect(await names(configured)).toEqual(['leak', 'save', 'where']);
    expect(await names({ ...configured, MCP_READ_ONLY: 'true', MCP_ALLOW_DESTRUCTIVE: 'true' })).toEqual(['leak', 'where']);
  });

  it('serves them with MCP_ALLOW_DESTRUCTIVE=true or the legacy name', async () => {
    expect(await names({ ...configured, MCP_ALLOW_DESTRUCTIVE: 'true' })).toEqual(['leak', 'purge', 'save', 'where']);
    expect(await names({ ...configured, VAULT_ALLOW_WRITES: 'true' })).toEqual(['leak', 'purge', 'save', 'where']);
    await expect(names({ ...configured, VAULT_ALLOW_WRITES: 'maybe' })).rejects.toThrow('VAULT_ALLOW_WRITES: expected true/false');
  });

  it('serves a tool only when its enabled(config) says so, decided from the resolved configuration', async () => {
    expect(await names({ ...configured, VAULT_SEARCH: 'true' })).toContain('search');
    expect(await names(configured)).not.toContain('search');
  });
});

describe('the context lifecycle', () => {
  it('reports a failed store open as not_ready with the reason (secrets scrubbed), and turns ready once it opens', async () => {
    let attempts = 0;
    const ready = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('connect ECONNREFUSED for postgres://app:pw-0123456789@db:5432/x');
    };
    const runtime = await createRuntime(vaultApp({ ready }), {
      env: { ...configured, DATABASE_URL: 'postgres://app:pw-0123456789@db:5432/x', LOG_LEVEL: 'silent' },
      defaultMetrics: false,
    });
    await runtime.settled();
    expect(runtime.readiness()).toEqual({
      ready: false,
      status: 'not_ready',
      tools: 3,
      reason: 'Vault: connect ECONNREFUSED for [redacted]',
    });
    await new Promise((resolve) => setImmediate(resolve)); // the probe above started a second check
    expect(runtime.readiness()).toMatchObject({ ready: true, status: 'ready' });
    expect(attempts).toBe(2);
  });

  it('answers starting while the first check runs, and disposes once', async () => {
    let open!: () => void;
    const dispose = jest.fn(async () => undefined);
    const runtime = await createRuntime(vaultApp({ ready: () => new Promise<void>((resolve) => (open = resolve)), dispose }), {
      env: { ...configured, LOG_LEVEL: 'silent' },
      defaultMetrics: false,
    });
    expect(runtime.readiness()).toMatchObject({ ready: false, status: 'starting' });
    open();
    await runtime.settled();
    expect(runtime.readiness().status).toBe('ready');
    await Promise.all([runtime.dispose(), runtime.dispose()]);
    expect(dispose).toHaveBeenCalledTimes(1);
  });
});

describe('secrets never leave by value', () => {
  const secrets = {
    VAULT_TOKEN: 'tok-abcdef-123456',
    VAULT_KEY: '-----BEGIN PRIVATE KEY-----\\nMIIEvQ-key-body\\n-----END PRIVATE KEY-----',
    DATABASE_URL: 'postgres://app:s3cr3t%2Fpass@db.internal:5432/app',
    MCP_AUTH_TOKEN: 'bearer-0123456789-0123456789-abcdef',
  };
  const forbidden = [...Object.values(secrets), 's3cr3t%2Fpass', 's3cr3t/pass', 'MIIEvQ-key-body'];

  it('in debug logs, thrown errors, ToolErrors and returned results', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { client, textOf, close } = await connect(vaultApp(), { VAULT_ACCOUNT: 'acme', ...secrets, LOG_LEVEL: 'debug' }, sink);
    const results = [];
    for (const mode of ['throw', 'tool_error', 'return'] as const) {
      results.push(textOf(await client.callTool({ name: 'leak', arguments: { mode } })));
    }
    await close();
    expect(results[1]).toBe('unauthorized: upstream said: bad token [redacted] for https://api.vault.example/v1');
    expect(lines.some((line) => line.includes('debugging upstream said: bad token [redacted]'))).toBe(true);
    const everything = [...results, ...lines].join('\n');
    for (const value of forbidden) expect(everything).not.toContain(value);
  });
});
