import { createServer } from 'node:net';
import { parseServerManifest, type ManifestEntry } from '@sophia/mcp-manifest';
import { CliError } from '../src/fleet/cli-error';
import { DEFAULT_ROOT, parseFleetOptions } from '../src/fleet/options';
import { isPortFree } from '../src/fleet/port-check';
import { probeHost } from '../src/fleet/readiness-probe';
import { selectServers } from '../src/fleet/select-servers';
import type { ServerRow, ServerState } from '../src/fleet/server-state';
import { describeState, formatTable } from '../src/fleet/status-table';

const entry = (name: string, port: number): ManifestEntry => ({
  directory: name,
  manifest: parseServerManifest({ name, port, title: name, description: `${name}.` }),
});
const fleet = [entry('github-mcp', 9003), entry('slack-mcp', 9004), entry('linear-mcp', 9002)];

function thrown(action: () => unknown): CliError {
  try {
    action();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('fleet command line', () => {
  it('defaults to every server, a build first, and this repository', () => {
    expect(parseFleetOptions([])).toEqual({ help: false, build: true, root: DEFAULT_ROOT, names: [] });
    expect(parseFleetOptions(['--no-build', '--root', '/tmp/ws', 'github', 'slack-mcp'])).toEqual({
      help: false,
      build: false,
      root: '/tmp/ws',
      names: ['github', 'slack-mcp'],
    });
    expect(parseFleetOptions(['-h']).help).toBe(true);
  });

  it('turns an unknown option into a usage error (exit 2)', () => {
    const error = thrown(() => parseFleetOptions(['--bogus']));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('--bogus');
  });
});

describe('selectServers', () => {
  it('selects all servers, or the named ones by short or full name, once each', () => {
    expect(selectServers(fleet, []).map((server) => server.name)).toEqual(['github-mcp', 'slack-mcp', 'linear-mcp']);
    const withStore = parseServerManifest({
      name: 'postgres-mcp',
      title: 'PostgreSQL',
      description: 'PostgreSQL.',
      port: 9012,
      env: { POSTGRES_DATA_DIR: { description: 'Data directory.' } },
      deployment: { storage: { size: '1Gi', mountPath: '/data', env: 'POSTGRES_DATA_DIR', value: '/data/pglite' }, replicas: 1, autoscale: false },
    });
    expect(selectServers([{ directory: 'postgres-mcp', manifest: withStore }], [])).toEqual([
      { name: 'postgres-mcp', port: 9012, dataDirEnv: 'POSTGRES_DATA_DIR', memoryLimit: '128Mi' },
    ]);
    expect(selectServers(fleet, ['slack', 'github-mcp', 'github'])).toEqual([
      { name: 'github-mcp', port: 9003, memoryLimit: '128Mi' },
      { name: 'slack-mcp', port: 9004, memoryLimit: '128Mi' },
    ]);
  });

  it('lists the known servers when a name is unknown (exit 2)', () => {
    const error = thrown(() => selectServers(fleet, ['github', 'jira', 'gitlab-mcp']));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'unknown servers "jira", "gitlab-mcp"; known servers: github (github-mcp), slack (slack-mcp), linear (linear-mcp)',
    );
  });

  it('says so when the workspace has no servers at all', () => {
    expect(thrown(() => selectServers([], [])).message).toContain('no servers found');
  });
});

describe('status table', () => {
  const row = (state: ServerState): ServerRow => ({ name: 'github-mcp', port: 9003, pid: 4242, logFile: 'tmp/fleet/github-mcp.log', state });

  it('says what is missing, how a server ended, and where its output is', () => {
    expect(describeState(row({ kind: 'not_configured', tools: 12, missing: ['GITHUB_TOKEN'] }))).toBe(
      'not configured: set GITHUB_TOKEN',
    );
    expect(describeState(row({ kind: 'not_configured', tools: 12, missing: [], reason: 'ESC: 401' }))).toBe(
      'not configured: ESC: 401',
    );
    const need = 'SNOWFLAKE_ACCOUNT; and one of: SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY (key pair), or SNOWFLAKE_TOKEN (token)';
    expect(describeState(row({ kind: 'not_configured', tools: 8, missing: ['SNOWFLAKE_ACCOUNT', 'SNOWFLAKE_TOKEN'], need }))).toBe(
      `not configured: set ${need}`,
    );
    expect(describeState(row({ kind: 'not_ready', tools: 7, reason: 'AI Memory: could not reach PostgreSQL (DATABASE_URL): ECONNREFUSED' }))).toBe(
      'not ready: AI Memory: could not reach PostgreSQL (DATABASE_URL): ECONNREFUSED',
    );
    const exit = { kind: 'exited', signal: null, killed: false } as const;
    expect(describeState(row({ ...exit, code: 0, requested: true }))).toBe('stopped');
    expect(describeState(row({ ...exit, code: 1, requested: false }))).toBe('exited (code 1), see tmp/fleet/github-mcp.log');
    expect(describeState(row({ ...exit, code: null, signal: 'SIGKILL', requested: true, killed: true }))).toMatch(/^killed/);
  });

  it('lays out server, port, pid, tool count and state in columns', () => {
    expect(formatTable([row({ kind: 'ready', tools: 12 }), { ...row({ kind: 'starting' }), name: 'slack-mcp', port: 9004, pid: 7 }])).toEqual([
      'SERVER       PORT       PID  TOOLS  STATE',
      'github-mcp   9003      4242     12  ready',
      'slack-mcp    9004         7      -  starting',
    ]);
  });
});

describe('ports', () => {
  it('sees a port held by another listener as taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    expect(await isPortFree(port, '127.0.0.1')).toBe(false);
    await new Promise((resolve) => holder.close(resolve));
    expect(await isPortFree(port, '127.0.0.1')).toBe(true);
  });

  it('probes a wildcard bind over loopback', () => {
    expect(probeHost('0.0.0.0')).toBe('127.0.0.1');
    expect(probeHost('::')).toBe('::1');
    expect(probeHost('[::1]')).toBe('::1');
    expect(probeHost('127.0.0.1')).toBe('127.0.0.1');
  });
});
