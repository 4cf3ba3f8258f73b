import { join } from 'node:path';
import type { McpAppDefinition } from '@sophia/mcp-base';
import { connectInMemory } from './in-memory';
import { resultError } from './tool-result';
import { checkToolSnapshots } from './tool-snapshots';

export interface ContractOptions<Config, AppContext> {
  app: McpAppDefinition<Config, AppContext>;
  /** Every tool the server must offer, by name. */
  expectedTools: readonly string[];
  /** Exactly the tools that write (readOnlyHint false); default: none. */
  writeTools?: readonly string[];
  /** Environment with (fake) credentials, so the server counts as configured. */
  configuredEnv: Record<string, string>;
  /** Where the committed `__toolsnaps__` live, usually `join(__dirname, '__toolsnaps__')`. */
  snapshotDir: string;
  /** A valid call, used to check the error that each missing credential produces. */
  sampleCall: { name: string; arguments: Record<string, unknown> };
}

/** The spec every server passes: one line per app (`describeMcpContract({...})`). */
export function describeMcpContract<Config, AppContext>(options: ContractOptions<Config, AppContext>): void {
  const { app, configuredEnv } = options;
  const manifest = app.manifest as { name: string; secrets?: string[] };

  describe(`${manifest.name} contract`, () => {
    it('offers exactly the expected tools', async () => {
      const { client, close } = await connectInMemory(app, { env: configuredEnv });
      const { tools } = await client.listTools();
      await close();
      expect(tools.map((tool) => tool.name).sort()).toEqual([...options.expectedTools].sort());
    });

    it('gives every tool a title, a description and an explicit readOnlyHint', async () => {
      const { client, close } = await connectInMemory(app, { env: configuredEnv });
      const { tools } = await client.listTools();
      await close();
      for (const tool of tools) {
        expect({ tool: tool.name, readOnlyHint: typeof tool.annotations?.readOnlyHint }).toEqual({
          tool: tool.name,
          readOnlyHint: 'boolean',
        });
        expect(tool.title?.length).toBeGreaterThan(0);
        expect(tool.description?.length).toBeGreaterThan(20);
      }
    });

    it('marks exactly the write tools as not read-only', async () => {
      const { client, close } = await connectInMemory(app, { env: configuredEnv });
      const { tools } = await client.listTools();
      await close();
      const writes = tools.filter((tool) => tool.annotations?.readOnlyHint !== true).map((tool) => tool.name);
      expect(writes.sort()).toEqual([...(options.writeTools ?? [])].sort());
    });

    it('serves exactly the chosen toolsets with MCP_TOOLSETS', async () => {
      for (const toolset of new Set(app.tools.map((tool) => tool.toolset))) {
        const { client, close } = await connectInMemory(app, { env: { ...configuredEnv, MCP_TOOLSETS: toolset } });
        const { tools } = await client.listTools();
        await close();
        const expected = app.tools.filter((tool) => tool.toolset === toolset).map((tool) => tool.name);
        expect({ toolset, tools: tools.map((tool) => tool.name) }).toEqual({ toolset, tools: expected });
      }
    });

    it('hides every write tool in read-only mode (MCP_READ_ONLY wins over MCP_TOOLS)', async () => {
      const writeTools = app.tools.filter((tool) => !tool.annotations.readOnlyHint).map((tool) => tool.name);
      const { client, close } = await connectInMemory(app, {
        env: { ...configuredEnv, MCP_READ_ONLY: 'true', MCP_TOOLS: writeTools.join(',') },
      });
      const { tools } = await client.listTools();
      await close();
      expect(tools.filter((tool) => !tool.annotations?.readOnlyHint)).toEqual([]);
      const listed = tools.map((tool) => tool.name);
      for (const name of writeTools) expect(listed).not.toContain(name);
    });

    it('keeps every read tool in read-only mode', async () => {
      const { client, close } = await connectInMemory(app, { env: { ...configuredEnv, MCP_READ_ONLY: 'true' } });
      const { tools } = await client.listTools();
      await close();
      const reads = app.tools.filter((tool) => tool.annotations.readOnlyHint).map((tool) => tool.name);
      expect(tools.map((tool) => tool.name)).toEqual(reads);
    });

    it('matches the committed tool schema snapshots', async () => {
      const { client, close } = await connectInMemory(app, { env: configuredEnv });
      const { tools } = await client.listTools();
      await close();
      const problems = checkToolSnapshots(options.snapshotDir, tools).filter((result) => result.problem);
      expect(problems).toEqual([]);
    });

    for (const secret of manifest.secrets ?? []) {
      it(`names ${secret} when it is missing, and still lists its tools`, async () => {
        const env = { ...configuredEnv };
        delete env[secret];
        const { client, runtime, close } = await connectInMemory(app, { env });
        const { tools } = await client.listTools();
        const result = await client.callTool(options.sampleCall);
        await close();
        expect(tools.length).toBe(options.expectedTools.length);
        const message = resultError(result);
        expect(message).toMatch(/^not_configured: /);
        expect(message).toContain(secret);
        expect(runtime.readiness()).toMatchObject({ ready: false, status: 'not_configured', missing: [secret] });
      });
    }
  });
}

/** Default snapshot location for a spec file: `<dir>/__toolsnaps__`. */
export const toolSnapshotDir = (specDir: string) => join(specDir, '__toolsnaps__');
