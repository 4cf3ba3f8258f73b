import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT, execOk } from './support/workspace';

/**
 * A scratch git repository holding this workspace's files (tracked and new, as `git status`
 * sees them), so Nx can be asked what a change would build and deploy.
 */
function scratchWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'affected-'));
  const files = execOk('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean);
  for (const file of files.filter((file) => existsSync(join(WORKSPACE_ROOT, file)))) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(WORKSPACE_ROOT, file), join(root, file));
  }
  symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(root, 'node_modules'));
  const git = (...args: string[]) => execOk('git', args, { cwd: root });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'scratch');
  return root;
}

const root = scratchWorkspace();
const questionsDir = mkdtempSync(join(tmpdir(), 'affected-questions-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(questionsDir, { recursive: true, force: true });
});

/** Every server in the workspace (an app with a manifest); the suite needs at least two. */
const allServers = readdirSync(join(root, 'apps'))
  .filter((app) => existsSync(join(root, 'apps', app, 'mcp-server.json')))
  .sort();

const read = (file: string) => readFileSync(join(root, file), 'utf8');
const appended = (file: string) => ({ [file]: `${read(file)}\n// changed\n` });

/** package-lock.json with @linear/sdk one patch version up (new integrity): a lock-only bump. */
function linearSdkBumped(): Record<string, string> {
  const lock = read('package-lock.json');
  const bumped = lock.replace(
    /("node_modules\/@linear\/sdk": \{\s*"version": ")(\d+)\.(\d+)\.(\d+)(",\s*"integrity": ")[^"]+/,
    (_match, head, major, minor, patch, middle) => `${head}${major}.${minor}.${Number(patch) + 1}${middle}sha512-${'A'.repeat(86)}==`,
  );
  if (bumped === lock) throw new Error('package-lock.json has no node_modules/@linear/sdk entry to bump');
  return { 'package-lock.json': bumped };
}

const BOTH = ['container', 'deploy'];
const SCENARIOS = [
  { name: 'one server', files: appended('apps/slack-mcp/src/main.ts'), targets: BOTH },
  { name: 'mcp-base', files: appended('libs/mcp-base/src/index.ts'), targets: BOTH },
  { name: 'Dockerfile', files: appended('Dockerfile'), targets: ['container'] },
  { name: 'docs', files: appended('README.md'), targets: BOTH },
  { name: 'bundle config', files: appended('tools/esbuild/server-bundle.config.cjs'), targets: ['build'] },
  { name: 'lock bump', files: linearSdkBumped(), targets: BOTH },
  { name: 'overlay', files: { 'k3s/overlays/slack-mcp/kustomization.yaml': `${read('k3s/overlays/slack-mcp/kustomization.yaml')}# changed\n` }, targets: ['deploy', 'test'] },
  { name: 'tls', files: { 'k3s/tls/ingress-route/kustomization.yaml': `${read('k3s/tls/ingress-route/kustomization.yaml')}# changed\n` }, targets: ['deploy', 'test'] },
  { name: 'deploy doc', files: appended('docs/deploy.md'), targets: ['test'] },
  { name: 'workflow', files: { '.github/workflows/ci.yml': `${read('.github/workflows/ci.yml')}# changed\n` }, targets: ['test'] },
];
const SERVER = 'slack-mcp';
const TASKS = ['build', 'container', 'deploy'].map((target) => `${SERVER}:${target}`);

type Answers = { affected: Record<string, Record<string, string[]>>; inputs: Record<string, { files: string[]; external: string[] }> };
let answers: Answers;

beforeAll(() => {
  // One Nx process answers every question: the project graph is built once.
  // Outside the scratch repository: an untracked file there would count as a change.
  const questions = join(questionsDir, 'questions.json');
  writeFileSync(questions, JSON.stringify({ scenarios: SCENARIOS, tasks: TASKS }));
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' };
  answers = JSON.parse(execOk(process.execPath, [join(__dirname, 'support', 'affected-sets.cjs'), questions], { cwd: root, env }));
});

describe('nx affected for container and deploy', () => {
  it('a change in one server builds and deploys only that server', () => {
    expect(answers.affected['one server']).toEqual({ container: ['slack-mcp'], deploy: ['slack-mcp'] });
  });

  it('a change in libs/mcp-base builds and deploys every server', () => {
    expect(allServers.length).toBeGreaterThan(1);
    expect(answers.affected['mcp-base']).toEqual({ container: allServers, deploy: allServers });
  });

  it('a change in the Dockerfile rebuilds every server', () => {
    expect(answers.affected['Dockerfile']).toEqual({ container: allServers });
  });

  it('a docs-only change deploys nothing', () => {
    expect(answers.affected['docs']).toEqual({ container: [], deploy: [] });
  });

  it('a change to the esbuild bundle config rebuilds every server (the build cache must not serve a stale bundle)', () => {
    expect(answers.affected['bundle config']).toEqual({ build: allServers });
  });

  it('an overlay change deploys that server and runs the delivery specs that check the manifests', () => {
    expect(answers.affected['overlay']?.['deploy']).toEqual(['slack-mcp']);
    expect(answers.affected['overlay']?.['test']).toContain('delivery');
  });

  it("a change to k3s/tls (the certificate route any overlay may render) deploys every server and runs the delivery specs", () => {
    expect(answers.affected['tls']?.['deploy']).toEqual(allServers);
    expect(answers.affected['tls']?.['test']).toContain('delivery');
  });

  it('a docs/deploy.md change runs the delivery spec that checks it against the targets', () => {
    expect(answers.affected['deploy doc']?.['test']).toContain('delivery');
  });

  it('a workflow change runs the delivery specs that lint the workflows', () => {
    expect(answers.affected['workflow']?.['test']).toContain('delivery');
  });

  it("a lock bump of one server's dependency (@linear/sdk) builds and deploys only that server", () => {
    expect(answers.affected['lock bump']).toEqual({ container: ['linear-mcp'], deploy: ['linear-mcp'] });
  });
});

/**
 * `nx affected` works per project: touching any file of an app lists it. What decides whether an
 * image is rebuilt and pods restart are the task inputs: an unchanged build and container hash is a
 * cache hit with the same digest, and `deploy` re-applies an unchanged manifest (no rollout).
 */
describe('task inputs of a server (what changes its image and its deployment)', () => {
  const inputsOf = (target: string) => answers.inputs[`${SERVER}:${target}`] ?? { files: [], external: [] };
  const imageFiles = () => new Set([...inputsOf('build').files, ...inputsOf('container').files]);

  it('the image depends on its sources, the bundle config, the Dockerfile and the scripts that build it', () => {
    expect([...imageFiles()]).toEqual(
      expect.arrayContaining([
        `apps/${SERVER}/src/main.ts`,
        'tools/esbuild/server-bundle.config.cjs',
        'Dockerfile',
        'tools/delivery/src/container.mjs',
        'tools/delivery/src/builders.mjs',
      ]),
    );
  });

  it('tests, e2e specs, scaffold templates and docs of the app are no input of its image or its deployment', () => {
    const appFiles = execOk('git', ['ls-files', `apps/${SERVER}`], { cwd: root }).split('\n').filter(Boolean);
    const notShipped = appFiles.filter((file) => /\/(test|e2e|scaffold)\/|\.md$|\.spec\.ts$|jest(\.e2e)?\.config\.cjs$/.test(file));
    expect(notShipped.length).toBeGreaterThan(3);
    const deployFiles = inputsOf('deploy').files;
    expect(notShipped.filter((file) => imageFiles().has(file) || deployFiles.includes(file))).toEqual([]);
  });

  it('libs/mcp-testing (used by tests only) is no input of a server image', () => {
    expect([...imageFiles()].filter((file) => file.startsWith('libs/mcp-testing/'))).toEqual([]);
  });

  it('the package lock as a whole is no input of the image: only the versions of the packages the server depends on', () => {
    expect(imageFiles().has('package-lock.json')).toBe(false);
    expect(inputsOf('container').external).not.toContain('AllExternalDependencies');
  });

  it('a k3s/tls change re-applies the deployment without rebuilding the image', () => {
    const tlsRoute = 'k3s/tls/ingress-route/kustomization.yaml';
    expect(inputsOf('deploy').files).toContain(tlsRoute);
    expect(imageFiles().has(tlsRoute)).toBe(false);
  });

  it('an overlay change re-applies the deployment without rebuilding the image', () => {
    const overlay = `k3s/overlays/${SERVER}/kustomization.yaml`;
    expect(inputsOf('deploy').files).toContain(overlay);
    expect(imageFiles().has(overlay)).toBe(false);
  });
});
