import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest, renderKustomization, type K8sObject } from './support/render';
import { schemaProblems } from './support/schemas';
import { WORKSPACE_ROOT, exec } from './support/workspace';

/**
 * docs/deploy.md cannot drift: every command of its shell blocks either runs here (in dry-run form
 * where it needs a cluster), or is run by another spec, or needs a real node, cluster or registry and
 * names the spec that covers its equivalent. A command added, changed or removed without an entry
 * here fails; so does an entry no command uses any more, or a spec that no longer shows the evidence.
 */

const DOC = readFileSync(join(WORKSPACE_ROOT, 'docs', 'deploy.md'), 'utf8');

/** The commands of every ```sh block: continuation lines joined, comments and blank lines dropped. */
function documentedCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
  return blocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.replace(/\s+#\s.*$/, '').trim())
      .filter((line) => line && !line.startsWith('#')),
  );
}

/** What the placeholders stand for when a command runs here. */
const fill = (command: string) =>
  command
    .replaceAll('<server-ip>', '203.0.113.7')
    .replaceAll('<org>', 'acme')
    .replaceAll('<digest>', 'ab'.repeat(32));

interface Shell {
  env: Record<string, string>;
  home: string;
}

type Coverage = { pattern: RegExp } & (
  | { how: 'runs here'; run: (command: string, shell: Shell, match: RegExpMatchArray) => void }
  | { how: 'dry-run in' | 'cluster-only, equivalent in'; spec: string; evidence: string }
);

const problemsOf = (objects: K8sObject[]) =>
  objects.flatMap((object) => schemaProblems(object).map((problem) => `${object.kind}/${object.metadata.name}: ${problem}`));

/** Runs a script of the repository as its nx target does; a failure fails with its output. */
function node(args: string[], shell: Shell, extra: Record<string, string> = {}) {
  const result = exec(process.execPath, args, { env: { ...shell.env, ...extra } });
  expect({ args, status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ args, status: 0, stderr: '' });
  return result.stdout;
}

/** `KEY=value KEY2=value command…`: the leading assignments as env. */
const leadingEnv = (prefix: string | undefined) =>
  Object.fromEntries((prefix ?? '').trim().split(/\s+/).filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));

const COVERAGE: Coverage[] = [
  { pattern: /^npm ci$/, how: 'dry-run in', spec: 'lockfile.spec.ts', evidence: 'A fresh `npm install` must leave package-lock.json as committed' },
  { pattern: /^scp -r k3s\/bootstrap ubuntu@<server-ip>:$/, how: 'cluster-only, equivalent in', spec: 'bootstrap.spec.ts', evidence: "join(WORKSPACE_ROOT, 'k3s', 'bootstrap'" },
  { pattern: /^sudo \.\/bootstrap\/bootstrap-node\.sh /, how: 'dry-run in', spec: 'bootstrap.spec.ts', evidence: "docs/deploy.md \"From a bare Lambda GPU node\"" },
  { pattern: /^sudo cat \/var\/lib\/rancher\/k3s\/server\/node-token$/, how: 'cluster-only, equivalent in', spec: 'bootstrap.spec.ts', evidence: '--token-file' },
  { pattern: /^sudo install -m 0600 \/dev\/stdin \/root\/k3s-token$/, how: 'cluster-only, equivalent in', spec: 'bootstrap.spec.ts', evidence: 'writeToken()' },
  {
    pattern: /^mkdir -p ~\/\.kube$|^chmod 600 ~\/\.kube\/sophia-k3s$/,
    how: 'runs here',
    run: (command, shell) => expect(exec('sh', ['-c', command], { env: { ...shell.env, HOME: shell.home } }).status).toBe(0),
  },
  {
    // The copy of the server's kubeconfig: the ssh part needs the node, the rewrite runs here.
    pattern: /^ssh ubuntu@<server-ip> sudo cat \/etc\/rancher\/k3s\/k3s\.yaml \| (sed '[^']+') > ~\/\.kube\/sophia-k3s$/,
    how: 'runs here',
    run: (command, shell, match) => {
      const script = `printf '    server: https://127.0.0.1:6443\\n' | ${fill(match[1] as string)} > ~/.kube/sophia-k3s`;
      expect(exec('sh', ['-c', script], { env: { ...shell.env, HOME: shell.home } }).status).toBe(0);
      expect(readFileSync(join(shell.home, '.kube', 'sophia-k3s'), 'utf8')).toBe('    server: https://203.0.113.7:6443\n');
    },
  },
  {
    pattern: /^export (\w+)=(\S+)$/,
    how: 'runs here',
    run: (command, shell, match) => {
      shell.env[match[1] as string] = fill(match[2] as string).replace(/^~/, shell.home);
    },
  },
  { pattern: /^kubectl get nodes -L /, how: 'cluster-only, equivalent in', spec: 'bootstrap.spec.ts', evidence: 'nvidia.com/gpu.present' },
  { pattern: /^pulumi env set <org>\/<project>\/<environment> environmentVariables\.\w+ /, how: 'cluster-only, equivalent in', spec: 'k3s-deployment.spec.ts', evidence: 'environmentVariables.${key}' },
  { pattern: /^helm (repo add|upgrade --install) external-secrets /, how: 'cluster-only, equivalent in', spec: 'crds.spec.ts', evidence: 'docs/deploy.md installs that version of the Helm chart' },
  { pattern: /^kubectl -n external-secrets create secret generic pulumi-access-token /, how: 'cluster-only, equivalent in', spec: 'crds.spec.ts', evidence: "name: 'pulumi-access-token', namespace: 'external-secrets'" },
  {
    // Server-side apply of a checked-in kustomization: rendered here, every object validated against its schema.
    pattern: /^kubectl apply --server-side -k (k3s\/[\w/-]+)$/,
    how: 'runs here',
    run: (command, shell, match) => {
      const objects = renderKustomization(join(WORKSPACE_ROOT, match[1] as string));
      expect(objects.length).toBeGreaterThan(0);
      expect(problemsOf(objects)).toEqual([]);
    },
  },
  { pattern: /^kubectl get clustersecretstore pulumi-esc$/, how: 'cluster-only, equivalent in', spec: 'workflows.spec.ts', evidence: 'applies k3s/cluster against the real ESO CRDs' },
  { pattern: /^echo "\$GITHUB_TOKEN" \| buildah login /, how: 'cluster-only, equivalent in', spec: 'image.e2e.spec.ts', evidence: 'startRegistry' },
  { pattern: /^kubectl -n mcp create secret docker-registry mcp-registry-pull /, how: 'cluster-only, equivalent in', spec: 'workflows.spec.ts', evidence: 'deploy keeps the registry pull Secret' },
  {
    // What `nx deploy <app> --dry-run` runs: the container target, then the deploy target, both with --dry-run.
    pattern: /^((?:\w+=\S+ )*)npx nx deploy ([\w-]+) --dry-run$/,
    how: 'runs here',
    run: (command, shell, match) => {
      const extra = leadingEnv(match[1]);
      const app = match[2] as string;
      expect(node(['tools/delivery/src/container.mjs', '--app', app, '--dry-run'], shell, extra)).toContain(`${shell.env['MCP_REGISTRY']}/${app}:`);
      const output = node(['tools/delivery/src/deploy.mjs', '--app', app, '--dry-run'], shell, extra);
      expect(problemsOf(parseManifest(output.split(/^---\n(?=\$)/m)[0] ?? ''))).toEqual([]);
    },
  },
  { pattern: /^npx nx deploy [\w-]+$/, how: 'cluster-only, equivalent in', spec: 'dry-run.spec.ts', evidence: 'rolls back, waits for the previous revision to be ready again' },
  { pattern: /^kubectl -n mcp get externalsecret,deploy,pods$/, how: 'cluster-only, equivalent in', spec: 'workflows.spec.ts', evidence: 'makes a real MCP tool call through Traefik' },
  { pattern: /^npx nx (run-many|affected) -t deploy( --base=<last deployed commit>)?$/, how: 'cluster-only, equivalent in', spec: 'affected.spec.ts', evidence: 'a change in one server builds and deploys only that server' },
  { pattern: /^helm (repo add|upgrade --install) (jetstack|cert-manager) /, how: 'cluster-only, equivalent in', spec: 'tls.spec.ts', evidence: 'validates against the vendored cert-manager CRDs of the version docs/deploy.md installs' },
  { pattern: /^kubectl -n (mcp get certificate mcp-ingress-tls|cert-manager get secret mcp-ca .*)$/, how: 'cluster-only, equivalent in', spec: 'tls.spec.ts', evidence: 'issues the ingress certificate for the host every IngressRoute matches' },
  { pattern: /^kubectl rollout (status|restart|history|undo) +deployment\/github-mcp -n mcp( --to-revision=\d+)?$/, how: 'cluster-only, equivalent in', spec: 'dry-run.spec.ts', evidence: 'rollout undo deployment/github-mcp -n mcp' },
  {
    pattern: /^node tools\/delivery\/src\/deploy\.mjs (--app [\w-]+ --image \S+)$/,
    how: 'runs here',
    run: (command, shell, match) => {
      const output = node(['tools/delivery/src/deploy.mjs', ...fill(match[1] as string).split(' '), '--dry-run'], shell);
      expect(output).toContain(`image: ${fill('ghcr.io/<org>/github-mcp@sha256:<digest>')}`);
    },
  },
  { pattern: /^helm (repo add|upgrade --install) (prometheus-community|kube-prometheus-stack) /, how: 'cluster-only, equivalent in', spec: 'monitoring.spec.ts', evidence: 'k3s/monitoring' },
];

const commands = documentedCommands(DOC);
const coverageOf = (command: string) => COVERAGE.filter(({ pattern }) => pattern.test(command));

describe('docs/deploy.md, command by command', () => {
  it('has its shell blocks read as commands (so that the checks below see them all)', () => {
    expect(commands.length).toBeGreaterThan(30);
    expect(commands).toContain('kubectl apply --server-side -k k3s/cluster');
    expect(commands.filter((command) => command.endsWith('\\'))).toEqual([]);
  });

  it('runs here, or names the spec that covers it, for every command (exactly one entry each)', () => {
    const unmatched = commands.filter((command) => coverageOf(command).length !== 1);
    expect(unmatched).toEqual([]);
  });

  it('has no entry that no command uses any more', () => {
    expect(COVERAGE.filter(({ pattern }) => !commands.some((command) => pattern.test(command))).map(({ pattern }) => String(pattern))).toEqual([]);
  });

  it('pins the version of every Helm chart it installs (the CRDs the tests validate against are pinned too)', () => {
    const installs = commands.filter((command) => command.startsWith('helm upgrade --install '));
    expect(installs.length).toBeGreaterThanOrEqual(3);
    expect(installs.filter((command) => !/ --version v?\d+\.\d+\.\d+ /.test(command))).toEqual([]);
  });

  it('names specs that exist and still show what they cover', () => {
    const missing = COVERAGE.flatMap((entry) => {
      if (entry.how === 'runs here') return [];
      const text = readFileSync(join(__dirname, entry.spec), 'utf8');
      return text.includes(entry.evidence) ? [] : [`${entry.spec}: ${entry.evidence}`];
    });
    expect(missing).toEqual([]);
  });

  it('the nx targets it calls run the scripts this spec runs', () => {
    const targets = readFileSync(join(WORKSPACE_ROOT, 'tools', 'mcp-plugin', 'src', 'inferred-targets.ts'), 'utf8');
    expect(targets).toContain('command: `node tools/delivery/src/container.mjs --app ${name}`');
    expect(targets).toContain('command: `node tools/delivery/src/deploy.mjs --app ${name}`');
    expect(targets).toContain("dependsOn: [{ target: 'container', params: 'forward' }]");
  });

  it('runs, in order and sharing exports, every command marked "runs here"', () => {
    const { MCP_REGISTRY: _registry, KUBECONFIG: _kubeconfig, MCP_INGRESS_TLS: _tls, MCP_PLATFORMS: _platforms, ...env } = process.env;
    const shell: Shell = { env: env as Record<string, string>, home: mkdtempSync(join(tmpdir(), 'deploy-doc-')) };
    const ran: string[] = [];
    for (const command of commands) {
      const entry = coverageOf(command)[0];
      if (entry?.how !== 'runs here') continue;
      entry.run(command, shell, command.match(entry.pattern) as RegExpMatchArray);
      ran.push(command);
    }
    expect(ran.length).toBeGreaterThanOrEqual(10);
    expect(shell.env['MCP_REGISTRY']).toBe('ghcr.io/acme');
    expect(shell.env['KUBECONFIG']).toBe(join(shell.home, '.kube', 'sophia-k3s'));
    expect(statSync(join(shell.home, '.kube', 'sophia-k3s')).mode & 0o777).toBe(0o600);
  });
});
