import { join } from 'node:path';
import { parseServerManifest, requiredEnvNames, type ServerManifest } from '@sophia/mcp-manifest';
import type { McpAppDefinition } from '@sophia/mcp-base';
import { credentialFacts, withoutCredentials } from './app-manifest';
import { connectInMemory } from './in-memory';
import { listedTools } from './served-tools';
import { resultError } from './tool-result';
import { checkToolSnapshots } from './tool-snapshots';

export interface ContractOptions<Config, AppContext> {
  app: McpAppDefinition<Config, AppContext>;
  /** Environment with (fake) credentials, so the server counts as configured. */
  configuredEnv: Record<string, string>;
  /** Where the committed `__toolsnaps__` live, usually `toolSnapshotDir(__dirname)`. */
  snapshotDir: string;
  /** A valid call, used to check the error a missing credential produces. */
  sampleCall: { name: string; arguments: Record<string, unknown> };
  /**
   * Read tools that list no output schema yet, and why. Every other read tool must list an object
   * output schema (issue #13); a tool named here that has one by now fails the check, so the list only shrinks.
   */
  readToolsWithoutOutputSchema?: { tools: readonly string[]; reason: string };
}

/**
 * The spec every server passes: one call per app (`describeMcpContract({...})`). Nothing is listed
 * by hand: the tools and their read/write split are pinned by the committed schema snapshots (which
 * hold the annotations), the credentials come from the manifest's env declaration.
 */
export function describeMcpContract<Config, AppContext>(options: ContractOptions<Config, AppContext>): void {
  const { app, configuredEnv } = options;
  const manifest = parseServerManifest(app.manifest);
  const listTools = (env: Record<string, string>, headers?: Record<string, string>) => listedTools(app, env, headers);
  const names = (tools: ReadonlyArray<{ name: string }>) => tools.map((tool) => tool.name);
  // Two definitions may share a name (variants the configuration picks between): same toolset.
  const toolsets = new Map(app.tools.map((tool) => [tool.name, tool.toolset]));
  const toolsetOf = (name: string) => toolsets.get(name);
  // Every tool the write policy can serve: writes on (some servers are read-only by default) and destructive ones too.
  const servingAll = { ...configuredEnv, MCP_READ_ONLY: 'false', MCP_ALLOW_DESTRUCTIVE: 'true' };

  describe(`${manifest.name} contract`, () => {
    it('lists exactly the tools of the committed schema snapshots, each matching its snapshot', async () => {
      const results = checkToolSnapshots(options.snapshotDir, await listTools(servingAll));
      const problems = results.flatMap((result) => (result.problem ? [result.problem] : []));
      if (problems.length) throw new Error(problems.join('\n\n'));
    });

    it('gives every tool a title, a description and an explicit readOnlyHint', async () => {
      for (const tool of await listTools(servingAll)) {
        expect({ tool: tool.name, readOnlyHint: typeof tool.annotations?.readOnlyHint }).toEqual({
          tool: tool.name,
          readOnlyHint: 'boolean',
        });
        expect(tool.title?.length).toBeGreaterThan(0);
        expect(tool.description?.length).toBeGreaterThan(20);
      }
    });

    const exempt = options.readToolsWithoutOutputSchema;
    it(`gives every read tool an object output schema${exempt ? ` but ${exempt.tools.join(', ')} (${exempt.reason})` : ''}`, async () => {
      const reads = (await listTools(servingAll)).filter((tool) => tool.annotations?.readOnlyHint === true);
      const without = names(reads.filter((tool) => tool.outputSchema?.type !== 'object'));
      expect(without.sort()).toEqual([...(exempt?.tools ?? [])].sort());
    });

    it('serves exactly the chosen toolsets with MCP_TOOLSETS', async () => {
      const served = names(await listTools(servingAll));
      for (const toolset of new Set(app.tools.map((tool) => tool.toolset))) {
        const expected = served.filter((name) => toolsetOf(name) === toolset);
        const listed = names(await listTools({ ...servingAll, MCP_TOOLSETS: toolset }));
        expect({ toolset, tools: listed }).toEqual({ toolset, tools: expected });
      }
    });

    const defaults = manifest.tools.defaultToolsets;
    it(`serves a client that names no toolset ${defaults ? `only the default toolsets (${defaults.join(', ')})` : 'every toolset'}`, async () => {
      const served = await listTools(servingAll);
      const expected = served.filter((tool) => !defaults || defaults.includes(toolsetOf(tool.name) ?? ''));
      expect(names(await listTools(servingAll, {}))).toEqual(names(expected));
    });

    it('in read-only mode serves every read tool and only read tools, even with write tools named in MCP_TOOLS', async () => {
      const tools = await listTools(servingAll);
      const reads = names(tools.filter((tool) => tool.annotations?.readOnlyHint === true));
      const writes = names(tools.filter((tool) => tool.annotations?.readOnlyHint !== true));
      const notReadOnly = (listed: typeof tools) => names(listed.filter((tool) => tool.annotations?.readOnlyHint !== true));
      const readOnly = await listTools({ ...servingAll, MCP_READ_ONLY: 'true' });
      expect(notReadOnly(readOnly)).toEqual([]);
      expect(names(readOnly)).toEqual(expect.arrayContaining(reads));
      // A name may come back as its read-only variant (postgres-mcp's execute_sql), never as a write.
      if (writes.length) expect(notReadOnly(await listTools({ ...servingAll, MCP_READ_ONLY: 'true', MCP_TOOLS: writes.join(',') }))).toEqual([]);
    });

    describeMissingCredentials(options, manifest);
  });
}

/** From the manifest: each required variable is named when missing, every credential alternative too; a server needing none is ready without. */
function describeMissingCredentials<Config, AppContext>(options: ContractOptions<Config, AppContext>, manifest: ServerManifest): void {
  const { app, configuredEnv } = options;
  const facts = credentialFacts(manifest);

  const callWithout = async (env: Record<string, string>) => {
    const { client, runtime, close } = await connectInMemory(app, { env });
    try {
      const { tools } = await client.listTools();
      return { tools, result: await client.callTool(options.sampleCall), readiness: runtime.readiness() };
    } finally {
      await close();
    }
  };

  for (const name of requiredEnvNames(manifest)) {
    it(`names ${name} when it is missing, is not ready, and still lists its tools`, async () => {
      const env = { ...configuredEnv };
      delete env[name];
      const { tools, result, readiness } = await callWithout(env);
      const message = resultError(result);
      expect(tools.length).toBeGreaterThan(0);
      expect(message).toMatch(/^not_configured: /);
      expect(message).toContain(name);
      expect(readiness).toMatchObject({ ready: false, status: 'not_configured', missing: expect.arrayContaining([name]) });
    });
  }

  if (manifest.credentials.length) {
    const alternatives = manifest.credentials.map((group) => `${group.name} (${group.env.join(', ')})`).join(' or ');
    it(`without any credential names every alternative: ${alternatives}`, async () => {
      const { result, readiness } = await callWithout(withoutCredentials(configuredEnv, manifest));
      const message = resultError(result);
      expect(message).toMatch(/^not_configured: /);
      for (const name of facts.mustName) expect(message).toContain(name);
      for (const group of manifest.credentials) expect(message).toContain(group.name);
      expect(readiness).toMatchObject({ ready: false, status: 'not_configured' });
    });
  }

  if (!facts.needsConfiguration) {
    it('needs no credential: without any of its secrets it is configured and answers the sample call', async () => {
      const { result, readiness } = await callWithout(withoutCredentials(configuredEnv, manifest));
      expect(readiness.status).not.toBe('not_configured');
      expect(result.isError ?? false).toBe(false);
    });
  }
}

/** Default snapshot location for a spec file: `<dir>/__toolsnaps__`. */
export const toolSnapshotDir = (specDir: string) => join(specDir, '__toolsnaps__');
