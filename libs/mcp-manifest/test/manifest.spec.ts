import { fleetProblems, nextFreePort, parseServerManifest, type ManifestEntry } from '../src';

const manifest = (name: string, port: number) =>
  parseServerManifest({ name, title: name, description: `${name} server`, port, secrets: [] });
const entry = (name: string, port: number): ManifestEntry => ({ directory: name, manifest: manifest(name, port) });

describe('server manifest', () => {
  it('accepts a well-formed manifest and defaults secrets', () => {
    expect(parseServerManifest({ name: 'jira-mcp', title: 'Jira', description: 'Jira.', port: 9017 })).toEqual({
      name: 'jira-mcp',
      title: 'Jira',
      description: 'Jira.',
      port: 9017,
      secrets: [],
    });
  });

  it('rejects a name without the -mcp suffix, a port out of range and unknown keys', () => {
    const attempt = () =>
      parseServerManifest({ name: 'Jira', title: 'J', description: 'J', port: 8080, extra: 1 }, 'apps/jira/mcp-server.json');
    expect(attempt).toThrow('Invalid server manifest apps/jira/mcp-server.json');
    expect(attempt).toThrow('must be kebab-case and end in "-mcp"');
    expect(attempt).toThrow('must be within 9000-9099');
    expect(attempt).toThrow('Unrecognized key: "extra"');
  });

  it('requires the upstream URL variable to be named <SERVICE>_API_URL', () => {
    expect(() =>
      parseServerManifest({
        name: 'jira-mcp',
        title: 'J',
        description: 'J',
        port: 9017,
        upstream: { urlEnv: 'JIRA_URL', defaultUrl: 'https://jira.example' },
      }),
    ).toThrow('must be named <SERVICE>_API_URL');
  });
});

describe('fleet rules', () => {
  it('names both apps when two claim one port', () => {
    expect(fleetProblems([entry('jira-mcp', 9017), entry('zendesk-mcp', 9017), entry('github-mcp', 9003)])).toEqual([
      'port 9017 is claimed by both jira-mcp and zendesk-mcp',
    ]);
  });

  it('keeps planned servers on their planned ports (the old ui-ux-agent/linear clash on 9002)', () => {
    expect(fleetProblems([entry('linear-mcp', 9002), entry('ui-ux-agent-mcp', 9002)])).toEqual([
      'ui-ux-agent-mcp must stay on its planned port 9006, not 9002',
      'port 9002 is claimed by both linear-mcp and ui-ux-agent-mcp',
    ]);
  });

  it('keeps new servers off the ports reserved for planned ones', () => {
    expect(fleetProblems([entry('jira-mcp', 9004)])).toEqual(['port 9004 of jira-mcp is reserved for slack-mcp']);
  });

  it('requires the manifest name to match the app directory', () => {
    expect(fleetProblems([{ directory: 'jira-mcp', manifest: manifest('jira-cloud-mcp', 9017) }])).toEqual([
      'apps/jira-mcp/mcp-server.json: name "jira-cloud-mcp" must equal its directory "jira-mcp"',
    ]);
  });

  it('finds the lowest port neither used nor reserved', () => {
    expect(nextFreePort([entry('github-mcp', 9003)])).toBe(9010);
    expect(nextFreePort([entry('jira-mcp', 9010)])).toBe(9017);
  });
});
