import { selectTools } from '../src';
import { expandDefaultToolsets } from '../src/tools/select-tools';
import { echoTool, writeTool } from './echo-app';

const all = [echoTool, writeTool];
const names = (tools: ReadonlyArray<{ name: string }>) => tools.map((tool) => tool.name);

describe('selectTools', () => {
  it('keeps everything without filters', () => {
    expect(names(selectTools(all, { readOnly: false, allowDestructive: true, toolsets: [], tools: [] }))).toEqual(['echo', 'echo_write']);
  });

  it('keeps only the named toolsets, plus individually named tools', () => {
    expect(names(selectTools(all, { readOnly: false, allowDestructive: true, toolsets: ['writes'], tools: [] }))).toEqual(['echo_write']);
    expect(names(selectTools(all, { readOnly: false, allowDestructive: true, toolsets: ['writes'], tools: ['echo'] }))).toEqual([
      'echo',
      'echo_write',
    ]);
  });

  it('lets read-only mode win over toolsets and tools', () => {
    expect(names(selectTools(all, { readOnly: true, allowDestructive: true, toolsets: ['writes'], tools: ['echo_write'] }))).toEqual([]);
    expect(names(selectTools(all, { readOnly: true, allowDestructive: true, toolsets: [], tools: [] }))).toEqual(['echo']);
  });

  it('rejects unknown toolsets and tools, listing the known ones', () => {
    expect(() => selectTools(all, { readOnly: false, allowDestructive: true, toolsets: ['nope'], tools: [] })).toThrow(
      'MCP_TOOLSETS names unknown toolsets: nope. Known: basics, writes',
    );
    expect(() => selectTools(all, { readOnly: false, allowDestructive: true, toolsets: [], tools: ['ech'] })).toThrow(
      'MCP_TOOLS names unknown tools: ech. Known: echo, echo_write',
    );
  });

  it('lets MCP_EXCLUDE_TOOLS win over toolsets and tools, and read-only still win over both', () => {
    const filters = { readOnly: false, allowDestructive: true, toolsets: ['all'], tools: ['echo'], excludeTools: ['echo'] };
    expect(names(selectTools(all, filters))).toEqual(['echo_write']);
    expect(names(selectTools(all, { ...filters, toolsets: [], tools: [] }))).toEqual(['echo_write']);
    expect(names(selectTools(all, { ...filters, readOnly: true }))).toEqual([]);
  });

  it('rejects an unknown excluded tool, listing the known ones', () => {
    expect(() => selectTools(all, { readOnly: false, allowDestructive: true, toolsets: [], tools: [], excludeTools: ['echo_writ'] })).toThrow(
      'MCP_EXCLUDE_TOOLS names unknown tools: echo_writ. Known: echo, echo_write',
    );
  });

  it('accepts names of tools the configuration does not serve, which select nothing', () => {
    const filters = { readOnly: false, allowDestructive: true, toolsets: ['writes'], tools: [], excludeTools: ['echo_write'] };
    expect(names(selectTools([echoTool], filters, all))).toEqual([]);
    expect(names(selectTools([echoTool], { ...filters, toolsets: [], tools: ['echo_write', 'echo'] }, all))).toEqual(['echo']);
  });

  it('reads `default` in a toolset list as the default toolsets, or all when there are none', () => {
    expect(expandDefaultToolsets(['default', 'ci'], ['issues', 'ci'])).toEqual(['issues', 'ci']);
    expect(expandDefaultToolsets(['default'], undefined)).toEqual(['all']);
    expect(expandDefaultToolsets(['ci'], ['issues'])).toEqual(['ci']);
  });

  it('rejects two tools with one name', () => {
    expect(() => selectTools([echoTool, echoTool], { readOnly: false, allowDestructive: true, toolsets: [], tools: [] })).toThrow(
      'Two tools are named "echo"',
    );
  });
});
