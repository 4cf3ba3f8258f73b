import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT, execOk } from './support/workspace';

/**
 * A scratch git repository holding this workspace's files (tracked and new, as `git status`
 * sees them), so `nx affected` can be asked what a change would deploy.
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
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every server in the workspace (an app with a manifest); the suite needs at least two. */
const allServers = readdirSync(join(root, 'apps'))
  .filter((app) => existsSync(join(root, 'apps', app, 'mcp-server.json')))
  .sort();

const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' };
const nx = (...args: string[]) => execOk(join(root, 'node_modules', '.bin', 'nx'), args, { cwd: root, env: NX_ENV });

/** Which servers `nx affected -t <target>` would run for the uncommitted change. */
function affected(target: string): string[] {
  const out = nx('show', 'projects', '--affected', `-t=${target}`, '--base=main');
  return out.split('\n').map((line) => line.trim()).filter(Boolean).sort();
}

/** Edits a file, asks, and restores the committed tree. */
function afterEditing(file: string, edit: (text: string) => string, targets: string[]): Record<string, string[]> {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  try {
    return Object.fromEntries(targets.map((target) => [target, affected(target)]));
  } finally {
    execOk('git', ['checkout', '--', '.'], { cwd: root });
  }
}

const afterChanging = (file: string, targets: string[]) => afterEditing(file, (text) => `${text}\n// changed\n`, targets);

/** The files (and external packages) Nx hashes for a task, as `nx show target inputs` resolves them. */
function inputsOf(task: string): { files: string[]; external: string[] } {
  const { files = [], external = [] } = JSON.parse(nx('show', 'target', 'inputs', task, '--json'));
  return { files, external };
}

describe('nx affected for container and deploy', () => {
  it('a change in one server builds and deploys only that server', () => {
    expect(afterChanging('apps/slack-mcp/src/main.ts', ['container', 'deploy'])).toEqual({ container: ['slack-mcp'], deploy: ['slack-mcp'] });
  });

  it('a change in libs/mcp-base builds and deploys every server', () => {
    expect(allServers.length).toBeGreaterThan(1);
    expect(afterChanging('libs/mcp-base/src/index.ts', ['container', 'deploy'])).toEqual({
      container: allServers,
      deploy: allServers,
    });
  });

  it('a change in the Dockerfile rebuilds every server', () => {
    expect(afterChanging('Dockerfile', ['container'])).toEqual({ container: allServers });
  });

  it('a docs-only change deploys nothing', () => {
    expect(afterChanging('README.md', ['container', 'deploy'])).toEqual({ container: [], deploy: [] });
  });

  it('a change to the esbuild bundle config rebuilds every server (the build cache must not serve a stale bundle)', () => {
    expect(afterChanging('tools/esbuild/server-bundle.config.cjs', ['build'])).toEqual({ build: allServers });
  });

  it("a lock bump of one server's dependency (@linear/sdk) builds and deploys only that server", () => {
    const bump = (lock: string) =>
      lock.replace(/("node_modules\/@linear\/sdk": \{\s*"version": ")(\d+)\.(\d+)\.(\d+)(",\s*"integrity": ")[^"]+/, (_m, head, major, minor, patch, mid) =>
        `${head}${major}.${minor}.${Number(patch) + 1}${mid}sha512-${'A'.repeat(86)}==`,
      );
    expect(afterEditing('package-lock.json', bump, ['container', 'deploy'])).toEqual({ container: ['linear-mcp'], deploy: ['linear-mcp'] });
  });
});

/**
 * `nx affected` works per project: touching any file of an app lists it. What decides whether an
 * image is rebuilt and pods restart are the task inputs: an unchanged build and container hash is a
 * cache hit with the same digest, and `deploy` re-applies an unchanged manifest (no rollout).
 */
describe('task inputs of a server (what changes its image and its deployment)', () => {
  const server = 'slack-mcp';
  const build = inputsOf(`${server}:build`);
  const container = inputsOf(`${server}:container`);
  const deploy = inputsOf(`${server}:deploy`);
  const imageFiles = new Set([...build.files, ...container.files]);

  it('the image depends on its sources, the bundle config, the Dockerfile and the scripts that build it', () => {
    expect([...imageFiles]).toEqual(
      expect.arrayContaining([
        `apps/${server}/src/main.ts`,
        'tools/esbuild/server-bundle.config.cjs',
        'Dockerfile',
        'tools/delivery/src/container.mjs',
        'tools/delivery/src/builders.mjs',
      ]),
    );
  });

  it("tests, e2e specs, scaffold templates and docs of the app are no input of its image or its deployment", () => {
    const appFiles = execOk('git', ['ls-files', `apps/${server}`], { cwd: root }).split('\n').filter(Boolean);
    const notShipped = appFiles.filter((file) => /\/(test|e2e|scaffold)\/|\.md$|\.spec\.ts$|jest(\.e2e)?\.config\.cjs$/.test(file));
    expect(notShipped.length).toBeGreaterThan(3);
    expect(notShipped.filter((file) => imageFiles.has(file) || deploy.files.includes(file))).toEqual([]);
  });

  it('libs/mcp-testing (used by tests only) is no input of a server image', () => {
    expect([...imageFiles].filter((file) => file.startsWith('libs/mcp-testing/'))).toEqual([]);
  });

  it('the package lock as a whole is no input of the image: only the versions of the packages the server depends on', () => {
    expect(imageFiles.has('package-lock.json')).toBe(false);
    expect(container.external).not.toContain('AllExternalDependencies');
  });

  it('an overlay change re-applies the deployment without rebuilding the image', () => {
    const overlay = `k3s/overlays/${server}/kustomization.yaml`;
    expect(deploy.files).toContain(overlay);
    expect(imageFiles.has(overlay)).toBe(false);
  });
});
