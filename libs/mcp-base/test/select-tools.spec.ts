import { selectTools } from '../src';
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

  it('rejects two tools with one name', () => {
    expect(() => selectTools([echoTool, echoTool], { readOnly: false, allowDestructive: true, toolsets: [], tools: [] })).toThrow(
      'Two tools are named "echo"',
    );
  });
});
