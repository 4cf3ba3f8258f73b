import { createRuntime } from '../src';
import { createToolViews } from '../src/tools/tool-views';
import { narrowingApp } from './narrowing-app';

const runtime = (env: Record<string, string>, manifest: object = {}) =>
  createRuntime(
    { ...narrowingApp, manifest: { ...(narrowingApp.manifest as object), ...manifest } },
    { env: { LOG_LEVEL: 'silent', ECHO_TOKEN: 'x', ...env }, defaultMetrics: false },
  );
const names = (tools: ReadonlyArray<{ name: string }>) => tools.map((tool) => tool.name);

describe('tool views', () => {
  it('checks the manifest default toolsets against the app tools at start, naming the known ones', async () => {
    await expect(runtime({}, { tools: { defaultToolsets: ['basics', 'nots'] } })).rejects.toThrow(
      'mcp-server.json tools.defaultToolsets names unknown toolsets: nots. Known: basics, writes, notes, ci',
    );
  });

  it('accepts a default toolset whose only tools this configuration disables (ci without ECHO_CI)', async () => {
    const started = await runtime({}, { tools: { defaultToolsets: ['ci'] } });
    expect(names(started.tools)).toEqual(['echo', 'echo_write', 'list_notes']);
  });

  it('accepts MCP_TOOLS and MCP_EXCLUDE_TOOLS naming a tool this configuration disables', async () => {
    expect(names((await runtime({ MCP_TOOLS: 'ci_logs,echo', MCP_EXCLUDE_TOOLS: 'ci_logs' })).tools)).toEqual(['echo']);
  });

  it('works a header combination out once, and answers a request without narrowing headers at once', () => {
    const known = narrowingApp.tools;
    const views = createToolViews(known, { defaultToolsets: ['notes'], chosenByConfig: false, known });
    const headers = () => new Headers({ 'X-MCP-Toolsets': 'basics,ci' });
    const first = views.forRequest(headers());
    expect(names(first.tools)).toEqual(['echo', 'ci_logs']);
    expect(views.forRequest(headers())).toBe(first);
    expect(views.forRequest(new Headers({ accept: 'application/json' })).tools).toBe(views.byDefault);
    expect(views.forRequest(undefined).tools).toBe(views.byDefault);
    expect(names(views.byDefault)).toEqual(['list_notes', 'delete_note']);
  });
});
