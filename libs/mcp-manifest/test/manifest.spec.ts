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
    expect(fleetProblems([entry('linear-mcp', 9002), entry('ui-ux-agent-mcp', 9002), entry('github-mcp', 9003)])).toEqual([
      'port 9002 is claimed by both linear-mcp and ui-ux-agent-mcp',
    ]);
  });

  it('requires the manifest name to match the app directory', () => {
    expect(fleetProblems([{ directory: 'slack-mcp', manifest: manifest('slackbot-mcp', 9004) }])).toEqual([
      'apps/slack-mcp/mcp-server.json: name "slackbot-mcp" must equal its directory "slack-mcp"',
    ]);
  });

  it('finds the lowest free port', () => {
    expect(nextFreePort([entry('a-mcp', 9000), entry('b-mcp', 9001), entry('c-mcp', 9003)])).toBe(9002);
    expect(nextFreePort([])).toBe(9000);
  });
});
