import {
  configurationGap,
  documentedDefault,
  escEnvNames,
  fleetProblems,
  needsConfiguration,
  nextFreePort,
  parseServerManifest,
  secretEnvNames,
  type ManifestEntry,
} from '../src';

const manifest = (name: string, port: number) => parseServerManifest({ name, title: name, description: `${name} server`, port });
const entry = (name: string, port: number): ManifestEntry => ({ directory: name, manifest: manifest(name, port) });
const base = { name: 'jira-mcp', title: 'Jira', description: 'Jira.', port: 9017 };

const snowflakeLike = parseServerManifest({
  ...base,
  env: {
    SNOWFLAKE_ACCOUNT: { description: 'Account.', required: true, esc: true },
    SNOWFLAKE_USER: { description: 'User.' },
    SNOWFLAKE_PRIVATE_KEY: { description: 'Key.', secret: true },
    SNOWFLAKE_TOKEN: { description: 'Token.', secret: true },
    SNOWFLAKE_API_URL: { description: 'URL.' },
    SNOWFLAKE_MAX_WAIT_MS: { description: 'Wait.', default: '20000' },
  },
  credentials: [
    { name: 'key pair', env: ['SNOWFLAKE_USER', 'SNOWFLAKE_PRIVATE_KEY'] },
    { name: 'token', env: ['SNOWFLAKE_TOKEN'] },
  ],
  upstream: { urlEnv: 'SNOWFLAKE_API_URL', defaultUrl: 'https://acme.snowflakecomputing.com' },
});

describe('server manifest', () => {
  it('accepts a minimal manifest and fills every default', () => {
    expect(parseServerManifest(base)).toEqual({
      ...base,
      env: {},
      credentials: [],
      writePolicy: { destructive: 'off', readOnly: false, legacyEnv: [] },
      tools: {},
      deployment: {
        resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
        egressPorts: [],
        replicas: 2,
        autoscale: true,
      },
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

  it('says how to migrate a v1 "secrets" list', () => {
    expect(() => parseServerManifest({ ...base, secrets: ['JIRA_TOKEN'] })).toThrow('"secrets" was replaced by "env"');
  });

  it('requires the upstream URL variable to be named <SERVICE>_API_URL and declared once, without a second default', () => {
    const upstream = { urlEnv: 'JIRA_URL', defaultUrl: 'https://jira.example' };
    expect(() => parseServerManifest({ ...base, upstream })).toThrow('must be named <SERVICE>_API_URL');
    expect(() => parseServerManifest({ ...base, upstream: { ...upstream, urlEnv: 'JIRA_API_URL' } })).toThrow(
      'upstream variable JIRA_API_URL must be declared in env',
    );
    expect(() =>
      parseServerManifest({
        ...base,
        env: { JIRA_API_URL: { description: 'URL.', default: 'https://other.example' } },
        upstream: { ...upstream, urlEnv: 'JIRA_API_URL' },
      }),
    ).toThrow('the default is upstream.defaultUrl');
  });

  it('checks credential alternatives, storage and legacy write switches against the env declaration', () => {
    expect(() => parseServerManifest({ ...base, credentials: [{ name: 'token', env: ['JIRA_TOKEN'] }] })).toThrow(
      'credential variable JIRA_TOKEN must be declared in env',
    );
    expect(() =>
      parseServerManifest({
        ...base,
        env: { JIRA_TOKEN: { description: 'T.', secret: true, required: true } },
        credentials: [{ name: 'token', env: ['JIRA_TOKEN'] }],
      }),
    ).toThrow('JIRA_TOKEN is one of several alternatives, so it cannot be required');
    const storage = { size: '1Gi', mountPath: '/data', env: 'JIRA_DATA_DIR', value: '/data/jira' };
    const env = { JIRA_DATA_DIR: { description: 'Dir.' } };
    expect(() => parseServerManifest({ ...base, env, deployment: { storage } })).toThrow('set replicas 1 and autoscale false');
    expect(() => parseServerManifest({ ...base, env, deployment: { storage: { ...storage, value: '/tmp/x' }, replicas: 1, autoscale: false } })).toThrow(
      'must be under mountPath /data',
    );
    expect(() =>
      parseServerManifest({ ...base, env: { JIRA_ALLOW_WRITES: { description: 'W.' } }, writePolicy: { legacyEnv: ['JIRA_ALLOW_WRITES'] } }),
    ).toThrow('JIRA_ALLOW_WRITES is read by the base as MCP_ALLOW_DESTRUCTIVE');
    expect(() => parseServerManifest({ ...base, env: { JIRA_TOKEN: { description: 'T.', secret: true, default: 'x' } } })).toThrow(
      'a secret has no default',
    );
  });
});

describe('default toolsets', () => {
  it('keeps the toolsets a client that chooses none is served', () => {
    expect(parseServerManifest({ ...base, tools: { defaultToolsets: ['issues', 'pull_requests'] } }).tools).toEqual({
      defaultToolsets: ['issues', 'pull_requests'],
    });
  });

  it('rejects an empty list, a repeat, a keyword and a name that is not a toolset name', () => {
    const parse = (defaultToolsets: unknown) => () => parseServerManifest({ ...base, tools: { defaultToolsets } });
    expect(parse([])).toThrow('tools.defaultToolsets');
    expect(parse(['issues', 'issues'])).toThrow('lists a toolset twice');
    expect(parse(['all'])).toThrow('all and default are keywords, not toolsets');
    expect(parse(['Pull Requests'])).toThrow('must be a snake_case toolset name');
    expect(() => parseServerManifest({ ...base, tools: { default: ['issues'] } })).toThrow('Unrecognized key: "default"');
  });
});

describe('what the env declaration derives', () => {
  it('lists secrets, the variables delivered from ESC, and the documented defaults', () => {
    expect(secretEnvNames(snowflakeLike)).toEqual(['SNOWFLAKE_PRIVATE_KEY', 'SNOWFLAKE_TOKEN']);
    expect(escEnvNames(snowflakeLike)).toEqual(['SNOWFLAKE_ACCOUNT', 'SNOWFLAKE_PRIVATE_KEY', 'SNOWFLAKE_TOKEN']);
    expect(documentedDefault(snowflakeLike, 'SNOWFLAKE_API_URL')).toBe('https://acme.snowflakecomputing.com');
    expect(documentedDefault(snowflakeLike, 'SNOWFLAKE_MAX_WAIT_MS')).toBe('20000');
    expect(needsConfiguration(snowflakeLike)).toBe(true);
    expect(needsConfiguration(manifest('pg-mcp', 9017))).toBe(false);
  });

  it('names the required variable and both credential options when only the account is set', () => {
    expect(configurationGap(snowflakeLike, {})).toEqual({
      missing: ['SNOWFLAKE_ACCOUNT', 'SNOWFLAKE_USER', 'SNOWFLAKE_PRIVATE_KEY', 'SNOWFLAKE_TOKEN'],
      need: 'SNOWFLAKE_ACCOUNT; and one of: SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY (key pair), or SNOWFLAKE_TOKEN (token)',
    });
    expect(configurationGap(snowflakeLike, { SNOWFLAKE_ACCOUNT: 'acme', SNOWFLAKE_USER: 'me' })).toEqual({
      missing: ['SNOWFLAKE_PRIVATE_KEY', 'SNOWFLAKE_TOKEN'],
      need: 'one of: SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY (key pair), or SNOWFLAKE_TOKEN (token)',
    });
  });

  it('is configured with the required variables and any one complete alternative (blank counts as unset)', () => {
    expect(configurationGap(snowflakeLike, { SNOWFLAKE_ACCOUNT: 'acme', SNOWFLAKE_TOKEN: 'tok' })).toBeUndefined();
    expect(configurationGap(snowflakeLike, { SNOWFLAKE_ACCOUNT: 'acme', SNOWFLAKE_USER: 'me', SNOWFLAKE_PRIVATE_KEY: 'pem' })).toBeUndefined();
    expect(configurationGap(snowflakeLike, { SNOWFLAKE_ACCOUNT: ' ', SNOWFLAKE_TOKEN: 'tok' })?.missing).toEqual(['SNOWFLAKE_ACCOUNT']);
    expect(configurationGap(manifest('pg-mcp', 9017), {})).toBeUndefined();
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
