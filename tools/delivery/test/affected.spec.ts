import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
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

/** Which servers `nx affected -t <target>` would run for the uncommitted change. */
function affected(target: string): string[] {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' };
  const out = execOk(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects', '--affected', `-t=${target}`, '--base=main'], { cwd: root, env });
  return out.split('\n').map((line) => line.trim()).filter(Boolean).sort();
}

/** Applies a change, asks, and restores the committed tree. */
function afterChanging(file: string, targets: string[]): Record<string, string[]> {
  appendFileSync(join(root, file), '\n// changed\n');
  try {
    return Object.fromEntries(targets.map((target) => [target, affected(target)]));
  } finally {
    execOk('git', ['checkout', '--', '.'], { cwd: root });
  }
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
});
