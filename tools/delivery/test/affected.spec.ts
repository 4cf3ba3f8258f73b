import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT, execOk } from './support/workspace';

/**
 * A scratch git repository holding this workspace's files (tracked and new, as `git status`
 * sees them) plus a second server, so `nx affected` can be asked what a change would deploy.
 */
function scratchWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'affected-'));
  const files = execOk('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean);
  for (const file of files.filter((file) => existsSync(join(WORKSPACE_ROOT, file)))) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(WORKSPACE_ROOT, file), join(root, file));
  }
  symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(root, 'node_modules'));
  addSecondServer(root);
  const git = (...args: string[]) => execOk('git', args, { cwd: root });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'scratch');
  return root;
}

/** slack-mcp on its planned port, a copy of github-mcp under another name. */
function addSecondServer(root: string) {
  const app = join(root, 'apps', 'slack-mcp');
  cpSync(join(root, 'apps', 'github-mcp'), app, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(app, 'mcp-server.json'), 'utf8'));
  writeFileSync(join(app, 'mcp-server.json'), JSON.stringify({ ...manifest, name: 'slack-mcp', port: 9004 }));
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ ...pkg, name: '@sophia/slack-mcp', nx: { name: 'slack-mcp' } }));
}

const root = scratchWorkspace();
afterAll(() => rmSync(root, { recursive: true, force: true }));

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
    expect(afterChanging('libs/mcp-base/src/index.ts', ['container', 'deploy'])).toEqual({
      container: ['github-mcp', 'slack-mcp'],
      deploy: ['github-mcp', 'slack-mcp'],
    });
  });

  it('a change in the Dockerfile rebuilds every server', () => {
    expect(afterChanging('Dockerfile', ['container'])).toEqual({ container: ['github-mcp', 'slack-mcp'] });
  });

  it('a docs-only change deploys nothing', () => {
    expect(afterChanging('README.md', ['container', 'deploy'])).toEqual({ container: [], deploy: [] });
  });
});
