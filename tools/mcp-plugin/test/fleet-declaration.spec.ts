import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadToolSummaries, type ToolSummary } from '../src/generators/sync/tool-metadata';
import { readManifests } from '../src/read-manifests';

/**
 * The manifest's `env` is the one declaration of what a server reads: it must be exactly the keys of
 * the app's zod config schema, so neither can drift (a variable read but undeclared would be missing
 * from the overlay, the config table and the scrubbing; a declared one nobody reads is a lie).
 */
const root = join(__dirname, '..', '..', '..');
const entries = readManifests(root);

/** The parts of a zod 4 schema read here (this project does not depend on zod). */
interface ZodLike {
  def: { type: string; in?: ZodLike };
  shape?: Record<string, unknown>;
}

/** The object schema under any transform/pipe (snowflake computes its default URL in a transform). */
function objectKeys(schema: ZodLike): string[] {
  let current = schema;
  while (current.def.type === 'pipe' && current.def.in) current = current.def.in;
  if (!current.shape) throw new Error(`expected a z.object config schema, got ${current.def.type}`);
  return Object.keys(current.shape);
}

/** The app's config schema: the exported `<name>ConfigSchema` of src/config.ts. */
async function configSchemaOf(directory: string): Promise<ZodLike> {
  const exports = (await import(join(root, 'apps', directory, 'src', 'config.ts'))) as Record<string, unknown>;
  const schemas = Object.entries(exports).filter(([name]) => name.endsWith('ConfigSchema'));
  if (schemas.length !== 1) throw new Error(`apps/${directory}/src/config.ts must export one *ConfigSchema, found ${schemas.length}`);
  return schemas[0][1] as ZodLike;
}

describe('every app declares exactly what it reads', () => {
  it('finds every app', () => {
    const apps = readdirSync(join(root, 'apps')).filter((name) => name.endsWith('-mcp'));
    expect(entries.map((entry) => entry.directory).sort()).toEqual(apps.sort());
  });

  it.each(entries.map((entry) => [entry.directory, entry] as const))('%s: config schema keys = manifest env keys', async (directory, entry) => {
    const read = objectKeys(await configSchemaOf(directory)).sort();
    const declared = Object.keys(entry.manifest.env).sort();
    expect({ readButUndeclared: read.filter((name) => !declared.includes(name)), declaredButUnread: declared.filter((name) => !read.includes(name)) }).toEqual({
      readButUndeclared: [],
      declaredButUnread: [],
    });
  });
});

describe("every app's default toolsets are a real subset of its toolsets", () => {
  let summaries: Record<string, ToolSummary[]> = {};
  beforeAll(async () => {
    summaries = await loadToolSummaries(root, entries.map((entry) => entry.directory));
  }, 120_000);

  it.each(entries.map((entry) => [entry.directory, entry] as const))('%s: tools.defaultToolsets', (directory, entry) => {
    expect(summaries[directory]?.length).toBeGreaterThan(0);
    const defaults = entry.manifest.tools.defaultToolsets ?? [];
    const toolsets = [...new Set((summaries[directory] ?? []).map((tool) => tool.toolset))];
    expect({ unknown: defaults.filter((name) => !toolsets.includes(name)) }).toEqual({ unknown: [] });
    // Defaults naming every toolset narrow nothing: omit the field instead.
    if (defaults.length) expect(toolsets.filter((name) => !defaults.includes(name)).length).toBeGreaterThan(0);
  });
});
