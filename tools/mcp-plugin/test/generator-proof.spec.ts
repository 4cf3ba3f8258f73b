import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { GeneratorCallback, Tree } from '@nx/devkit';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import mcpServerGenerator from '../src/generators/mcp-server/generator';
import mcpToolGenerator from '../src/generators/mcp-tool/generator';
import { WORKSPACE_ROOT } from './generator-fixtures';

/**
 * The proof that the generators fit every server: a server generated into a real workspace on
 * disk passes lint, typecheck and its whole test suite under CI=true (its example tool's schema
 * snapshot included), and every app in apps/ (each through its own scaffold) passes lint,
 * typecheck, the generated tool's spec and its contract after mcp-tool adds a read tool to it.
 * Slow (it runs Nx, ESLint, tsc and Jest on the result), and that is the point.
 */
const CHECKS_TIMEOUT_MS = 1_200_000;
const PROOF_TOOL = { name: 'get_proof', toolset: 'proof', file: 'proof-get' };

describe('generated code in a workspace on disk', () => {
  let root: string;
  beforeAll(() => {
    root = copyWorkspace();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'a new server passes lint, typecheck and test as generated, in CI',
    async () => {
      await generate(root, (tree) => mcpServerGenerator(tree, { name: 'acme' }));
      expect(runNx(root, ['run-many', '-t', 'lint', 'typecheck', 'test', '-p', 'acme-mcp'], { ci: true })).toEqual(PASSED);
    },
    CHECKS_TIMEOUT_MS,
  );

  it(
    'every app passes lint, typecheck, the new spec and its contract with a generated read tool; the new server also with a write tool',
    async () => {
      const apps = readdirSync(join(root, 'apps')).filter((app) => existsSync(join(root, 'apps', app, 'mcp-server.json')));
      expect(apps).toEqual(expect.arrayContaining(['acme-mcp', 'github-mcp', 'slack-mcp', 'postgres-mcp']));
      for (const project of apps) {
        await generate(root, (tree) => mcpToolGenerator(tree, { project, toolset: PROOF_TOOL.toolset, name: PROOF_TOOL.name, readOnly: true }));
        expect(existsSync(join(root, 'apps', project, 'src/tools', `${PROOF_TOOL.file}.tool.ts`))).toBe(true);
      }
      await generate(root, (tree) =>
        mcpToolGenerator(tree, { project: 'acme-mcp', toolset: 'widgets', name: 'update_widget', readOnly: false, route: 'PUT /widgets/{widget_id}' }),
      );
      expect(readFileSync(join(root, 'apps/acme-mcp/src/tools/index.ts'), 'utf8')).toContain('updateWidget,');

      expect(runNx(root, ['run-many', '-t', 'lint', 'typecheck', '-p', apps.join(',')])).toEqual(PASSED);
      // The generated specs and the contracts (tool lists, annotations, snapshots): the apps' other specs are
      // unaffected. One Jest over every app's own config, so sixteen apps cost one start-up, not sixteen.
      const specs = `${PROOF_TOOL.file}|widget-update|contract`;
      const projects = apps.map((app) => `apps/${app}/jest.config.cjs`);
      expect(run(root, 'npx', ['jest', '--projects', ...projects, `--testPathPatterns=${specs}`])).toEqual(PASSED);
    },
    CHECKS_TIMEOUT_MS,
  );

  it(
    'the new server passes its e2e spec: the built bundle as a process, over HTTP, against a fake upstream',
    () => {
      expect(runNx(root, ['run', 'acme-mcp:e2e'])).toEqual(PASSED);
    },
    CHECKS_TIMEOUT_MS,
  );
});

const PASSED = { status: 0, failure: '' };

/** The repository's files in a fresh temporary directory, sharing its node_modules. */
function copyWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-generated-'));
  // The working tree as it is: tracked files and new ones git does not ignore.
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: WORKSPACE_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && !/^(dist|tmp)\//.test(file) && existsSync(join(WORKSPACE_ROOT, file)));
  for (const file of tracked) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(WORKSPACE_ROOT, file), join(root, file));
  }
  linkNodeModules(root);
  return root;
}

/**
 * Shares the installed packages, except that the workspace's own packages (@sophia/*) point
 * into the copy: linked to the original, Nx would see them outside the workspace and lint
 * every import of @sophia/mcp-base as an undeclared dependency.
 */
function linkNodeModules(root: string): void {
  const installed = join(WORKSPACE_ROOT, 'node_modules');
  mkdirSync(join(root, 'node_modules', '@sophia'), { recursive: true });
  for (const entry of readdirSync(installed).filter((name) => name !== '@sophia')) {
    symlinkSync(join(installed, entry), join(root, 'node_modules', entry));
  }
  for (const name of readdirSync(join(installed, '@sophia'))) {
    const target = readlinkSync(join(installed, '@sophia', name)); // relative, e.g. ../../libs/mcp-base
    symlinkSync(target, join(root, 'node_modules', '@sophia', name));
  }
  // A package's own versions (e.g. libs/mcp-base/node_modules/p-queue) where they differ from the hoisted ones.
  for (const group of ['apps', 'libs', 'tools']) {
    for (const name of readdirSync(join(WORKSPACE_ROOT, group))) {
      const nested = join(WORKSPACE_ROOT, group, name, 'node_modules');
      if (existsSync(nested) && existsSync(join(root, group, name))) symlinkSync(nested, join(root, group, name, 'node_modules'));
    }
  }
}

/** Runs a generator the way `nx g` does: on a tree over the directory, then written to disk. */
async function generate(root: string, generator: (tree: Tree) => Promise<GeneratorCallback>): Promise<void> {
  const tree = new FsTree(root, false);
  await generator(tree); // the returned `nx sync` callback is not run: the checks do not need it
  flushChanges(root, tree.listChanges());
}

/** An nx command in the workspace, without daemon or cache; on failure, the end of its output. */
function runNx(root: string, args: string[], options: { ci?: boolean } = {}) {
  return run(root, 'npx', ['nx', ...args, '--skip-nx-cache', '--outputStyle=static'], options);
}

function run(root: string, command: string, args: string[], options: { ci?: boolean } = {}): { status: number | null; failure: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
  // In CI a missing tool snapshot fails; outside it the contract writes it. This Jest's own variables stay out.
  delete env['CI'];
  if (options.ci) env['CI'] = 'true';
  delete env['JEST_WORKER_ID'];
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`;
  return { status: result.status, failure: result.status === 0 ? '' : output.slice(-6000) };
}
