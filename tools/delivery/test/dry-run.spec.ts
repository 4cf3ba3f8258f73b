import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseManifest } from './support/render';
import { WORKSPACE_ROOT, exec, execOk } from './support/workspace';

const CONTAINER = 'tools/delivery/src/container.mjs';
const PRUNED = 'deployments.apps,services,serviceaccounts,horizontalpodautoscalers.autoscaling,poddisruptionbudgets.policy,networkpolicies.networking.k8s.io,externalsecrets.external-secrets.io,ingressroutes.traefik.io,middlewares.traefik.io';
const DEPLOY = 'tools/delivery/src/deploy.mjs';
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const TAG = '0123456789abcdef0123456789abcdef01234567';
const EPOCH = '1700000000';
const env = (extra: Record<string, string>) => {
  const { MCP_REGISTRY: _registry, MCP_NODE_BASE: _base, MCP_PLATFORMS: _platforms, ...rest } = process.env;
  return { ...rest, MCP_IMAGE_TAG: TAG, SOURCE_DATE_EPOCH: EPOCH, ...extra };
};
const script = (file: string, args: string[], extra: Record<string, string> = {}) =>
  exec(process.execPath, [file, ...args], { env: env(extra) });

describe('the container script', () => {
  it('explains itself with --help', () => {
    const { status, stdout } = script(CONTAINER, ['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: node tools/delivery/src/container.mjs --app <name>-mcp [--dry-run]');
    expect(stdout).toContain('MCP_REGISTRY');
  });

  it('refuses to run without MCP_REGISTRY, saying what to set', () => {
    const { status, stderr } = script(CONTAINER, ['--app', 'github-mcp', '--dry-run']);
    expect(status).toBe(1);
    expect(stderr).toContain('MCP_REGISTRY is not set: set it to the registry (and path) images are pushed to');
  });

  it('prints the buildah builds of an amd64 + arm64 image list <registry>/<app>:<sha> and its push with --dry-run, and runs nothing', () => {
    const { status, stdout } = script(CONTAINER, ['--app', 'github-mcp', '--dry-run'], {
      MCP_REGISTRY: 'registry.test/mcp/',
      MCP_BUILDER: 'buildah',
      MCP_NODE_BASE: 'localhost/node-base:22',
      MCP_REGISTRY_INSECURE: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/fleet',
    });
    expect(status).toBe(0);
    const image = `registry.test/mcp/github-mcp:${TAG}`;
    const bud = (platform: string) =>
      `$ buildah --storage-driver vfs bud --pull=missing --platform ${platform} --timestamp ${EPOCH} --build-arg APP=github-mcp --build-arg VERSION=0.1.0 --build-arg REVISION=${TAG} ` +
      `--build-arg SOURCE=https://github.com/acme/fleet --build-arg NODE_BASE=localhost/node-base:22 --manifest ${image} --tag ${image}-${platform.split('/')[1]} --file Dockerfile .`;
    expect(stdout.trim().split('\n')).toEqual([
      bud('linux/amd64'),
      bud('linux/arm64'),
      `$ buildah --storage-driver vfs manifest push --all --rm --format oci --tls-verify=false --digestfile dist/containers/github-mcp.digest ${image} docker://${image}`,
    ]);
  });

  it('prints one docker buildx build that pushes an amd64 + arm64 image list, with fixed timestamps, where a Docker daemon is used', () => {
    const { stdout } = script(CONTAINER, ['--app', 'github-mcp', '--dry-run'], { MCP_REGISTRY: 'ghcr.io/acme', MCP_BUILDER: 'docker' });
    expect(stdout).toMatch(
      new RegExp(`^\\$ docker buildx build --platform linux/amd64,linux/arm64 --output type=registry,rewrite-timestamp=true --provenance=false --build-arg APP=github-mcp .* --build-arg SOURCE_DATE_EPOCH=${EPOCH} --metadata-file dist/containers/github-mcp.digest --tag ghcr.io/acme/github-mcp:${TAG} --file Dockerfile \\.\\n$`),
    );
  });
});

describe('the container script with MCP_PLATFORMS', () => {
  it('builds only the platforms it names (Docker\'s own builder driver builds one)', () => {
    const { stdout } = script(CONTAINER, ['--app', 'github-mcp', '--dry-run'], { MCP_REGISTRY: 'ghcr.io/acme', MCP_BUILDER: 'docker', MCP_PLATFORMS: 'linux/amd64' });
    expect(stdout).toContain('$ docker buildx build --platform linux/amd64 --output type=registry,rewrite-timestamp=true ');
  });

  it('gives buildah one platform as a single image (no list)', () => {
    const { status, stdout } = script(CONTAINER, ['--app', 'github-mcp', '--dry-run'], { MCP_REGISTRY: 'registry.test/mcp', MCP_BUILDER: 'buildah', MCP_PLATFORMS: 'linux/arm64' });
    expect(status).toBe(0);
    const image = `registry.test/mcp/github-mcp:${TAG}`;
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\$ buildah --storage-driver vfs bud --pull=missing --platform linux/arm64 --timestamp ${EPOCH} .* --tag ${image} --file Dockerfile \\.$`));
    expect(lines[1]).toBe(`$ buildah --storage-driver vfs push --digestfile dist/containers/github-mcp.digest ${image} docker://${image}`);
  });
});

describe('the deploy script', () => {
  const image = `registry.test/mcp/github-mcp@${DIGEST}`;

  it('prints the rendered manifest with the image pinned and the kubectl commands with --dry-run', () => {
    const { status, stdout } = script(DEPLOY, ['--app', 'github-mcp', '--image', image, '--dry-run']);
    expect(status).toBe(0);
    const [manifest = '', commands = ''] = stdout.split(/^---\n(?=\$)/m);
    const objects = parseManifest(manifest);
    expect(objects[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'mcp' } });
    const deployment = objects.find((object) => object.kind === 'Deployment');
    expect(deployment?.spec.template.spec.containers[0].image).toBe(image);
    expect(commands.trim().split('\n')).toEqual([
      '$ kubectl apply --server-side --force-conflicts --field-manager=nx-deploy -f - <<< (the objects above but the Deployment)',
      '$ kubectl apply --server-side --force-conflicts --field-manager=nx-deploy -f - <<< (the Deployment above)',
      '$ kubectl rollout status deployment/github-mcp -n mcp --timeout=300s',
      `$ kubectl get ${PRUNED} -n mcp -l app.kubernetes.io/instance=github-mcp -o name`,
    ]);
  });

  it('refuses a :latest image', () => {
    const { status, stderr } = script(DEPLOY, ['--app', 'github-mcp', '--image', 'registry.test/github-mcp:latest', '--dry-run']);
    expect(status).toBe(1);
    expect(stderr).toContain('never :latest');
  });

  it('plans the image of this commit in a dry run, not a digest an earlier build left behind', () => {
    const record = join(WORKSPACE_ROOT, 'dist', 'containers', 'github-mcp.json');
    const kept = existsSync(record) ? readFileSync(record, 'utf8') : undefined;
    mkdirSync(dirname(record), { recursive: true });
    const stale = `registry.test/mcp/github-mcp@sha256:${'cd'.repeat(32)}`;
    writeFileSync(record, JSON.stringify({ app: 'github-mcp', image: 'registry.test/mcp/github-mcp:0ld', digest: stale.split('@')[1], reference: stale, revision: '0ld', builder: 'buildah' }));
    try {
      const { status, stdout } = script(DEPLOY, ['--app', 'github-mcp', '--dry-run'], { MCP_REGISTRY: 'registry.test/mcp' });
      expect(status).toBe(0);
      const deployment = parseManifest(stdout.split(/^---\n(?=\$)/m)[0] ?? '').find((object) => object.kind === 'Deployment');
      expect(deployment?.spec.template.spec.containers[0].image).toBe(`registry.test/mcp/github-mcp:${TAG}`);
    } finally {
      if (kept === undefined) rmSync(record, { force: true });
      else writeFileSync(record, kept);
    }
  });

  /**
   * A kubectl that renders for real and logs every other call (with the kinds it was given on
   * stdin, sorted); `script` is shell run for those calls, with the call's arguments in "$*".
   */
  function fakeKubectl(script: string): { path: string; calls: () => string[] } {
    const bin = mkdtempSync(join(tmpdir(), 'fake-kubectl-'));
    const log = join(bin, 'calls.log');
    const realKubectl = execOk('sh', ['-c', 'command -v kubectl']).trim();
    writeFileSync(
      join(bin, 'kubectl'),
      [
        '#!/bin/sh',
        `[ "$1" = kustomize ] && exec ${realKubectl} "$@"`,
        'kinds=""',
        '[ "$1" = apply ] && kinds=" [$(grep \'^kind:\' | sed \'s/^kind: //\' | LC_ALL=C sort | tr \'\\n\' \' \' | sed \'s/ $//\')]"',
        `echo "$*$kinds" >> ${log}`,
        `count=$(grep -c -- "^$1 $2" ${log})`,
        script,
        'exit 0',
      ].join('\n'),
    );
    chmodSync(join(bin, 'kubectl'), 0o755);
    return { path: `${bin}:${process.env['PATH']}`, calls: () => readFileSync(log, 'utf8').trim().split('\n') };
  }
  const supporting = 'apply --server-side --force-conflicts --field-manager=nx-deploy -f - [ExternalSecret ExternalSecret HorizontalPodAutoscaler IngressRoute Middleware Namespace NetworkPolicy PodDisruptionBudget Service ServiceAccount]';
  const deploymentApply = 'apply --server-side --force-conflicts --field-manager=nx-deploy -f - [Deployment]';
  const notReady = 'echo \'error: deployment "github-mcp" exceeded its progress deadline\' >&2; exit 1';

  it('leaves the Deployment untouched when applying the objects around it fails (e.g. a CRD is missing), and says so', () => {
    const kubectl = fakeKubectl(`[ "$1" = apply ] && { echo 'error: resource mapping not found for kind "ExternalSecret": no matches for kind "ExternalSecret" in version "external-secrets.io/v1"' >&2; exit 1; }`);
    const { status, stderr } = script(DEPLOY, ['--app', 'github-mcp', '--image', image], { PATH: kubectl.path });
    expect(status).toBe(1);
    expect(kubectl.calls().map((call) => call.replace(/ \[.*\]$/, ''))).toEqual(['apply --server-side --force-conflicts --field-manager=nx-deploy -f -']);
    expect(kubectl.calls()[0]).not.toContain('Deployment');
    expect(stderr).toContain('the Deployment was not applied: no pod changed');
    expect(stderr).toContain('install the CRDs it names first (docs/deploy.md)');
  });

  it('rolls back, waits for the previous revision to be ready again and says so, when the rollout does not become ready', () => {
    const kubectl = fakeKubectl(`[ "$1 $2" = "rollout status" ] && [ "$count" = 1 ] && { ${notReady}; }`);
    const { status, stderr } = script(DEPLOY, ['--app', 'github-mcp', '--image', image], { PATH: kubectl.path, MCP_ROLLOUT_TIMEOUT: '5s' });
    expect(status).toBe(1);
    expect(kubectl.calls().sort()).toEqual(
      [
        supporting,
        deploymentApply,
        'rollout status deployment/github-mcp -n mcp --timeout=5s',
        'rollout undo deployment/github-mcp -n mcp',
        'rollout status deployment/github-mcp -n mcp --timeout=5s',
      ].sort(),
    );
    expect(kubectl.calls()[0]).toBe(supporting);
    expect(kubectl.calls()[1]).toBe(deploymentApply);
    expect(stderr).toContain(`✖ deployment/github-mcp did not become ready within 5s with ${image}`);
    expect(stderr).toContain('rolled back to the previous revision, which is ready again');
  });

  it('after a ready rollout, deletes what an earlier deploy created that the overlay no longer renders (never a volume claim)', () => {
    const listed = ['deployment.apps/github-mcp', 'service/github-mcp', 'horizontalpodautoscaler.autoscaling/github-mcp', 'ingressroute.traefik.io/github-mcp-legacy'];
    const kubectl = fakeKubectl(`[ "$1" = get ] && { printf '%s\\n' ${listed.join(' ')}; exit 0; }`);
    const { status, stderr } = script(DEPLOY, ['--app', 'github-mcp', '--image', image], { PATH: kubectl.path });
    expect(status).toBe(0);
    const calls = kubectl.calls();
    expect(calls.slice(-2)).toEqual([
      `get ${PRUNED} -n mcp -l app.kubernetes.io/instance=github-mcp -o name`,
      'delete -n mcp --ignore-not-found ingressroute.traefik.io/github-mcp-legacy',
    ]);
    expect(PRUNED).not.toContain('persistentvolumeclaims');
    expect(stderr).toContain('github-mcp is up to date');
  });

  it('with MCP_RECORD_RELEASE=true, records the rolled-out digest in k3s/releases/<app>, which renders what was applied', () => {
    const release = join(WORKSPACE_ROOT, 'k3s', 'releases', 'github-mcp', 'kustomization.yaml');
    const kept = existsSync(release) ? readFileSync(release, 'utf8') : undefined;
    try {
      rmSync(release, { force: true });
      const failing = fakeKubectl(`[ "$1 $2" = "rollout status" ] && { ${notReady}; }`);
      script(DEPLOY, ['--app', 'github-mcp', '--image', image], { PATH: failing.path, MCP_ROLLOUT_TIMEOUT: '5s', MCP_RECORD_RELEASE: 'true' });
      expect(existsSync(release)).toBe(false);

      const kubectl = fakeKubectl('');
      const { status, stdout } = script(DEPLOY, ['--app', 'github-mcp', '--image', image], { PATH: kubectl.path, MCP_RECORD_RELEASE: 'true' });
      expect(status).toBe(0);
      const rendered = parseManifest(execOk('kubectl', ['kustomize', dirname(release)]));
      expect(rendered.find((object) => object.kind === 'Deployment')?.spec.template.spec.containers[0].image).toBe(image);
      expect(stdout).toContain('$ kubectl apply');
      expect(readFileSync(release, 'utf8')).toMatch(/^# Written by the deploy of github-mcp/);
    } finally {
      if (kept === undefined) rmSync(dirname(release), { recursive: true, force: true });
      else writeFileSync(release, kept);
    }
  });

  it('prunes nothing when the rollout fails', () => {
    const kubectl = fakeKubectl(`[ "$1 $2" = "rollout status" ] && [ "$count" = 1 ] && { ${notReady}; }`);
    script(DEPLOY, ['--app', 'github-mcp', '--image', image], { PATH: kubectl.path, MCP_ROLLOUT_TIMEOUT: '5s' });
    expect(kubectl.calls().filter((call) => /^(get|delete) /.test(call))).toEqual([]);
  });

  it('says when the previous revision does not become ready either', () => {
    const kubectl = fakeKubectl(`[ "$1 $2" = "rollout status" ] && { ${notReady}; }`);
    const { status, stderr } = script(DEPLOY, ['--app', 'github-mcp', '--image', image], { PATH: kubectl.path, MCP_ROLLOUT_TIMEOUT: '5s' });
    expect(status).toBe(1);
    expect(kubectl.calls().slice(-2)).toEqual(['rollout undo deployment/github-mcp -n mcp', 'rollout status deployment/github-mcp -n mcp --timeout=5s']);
    expect(stderr).toContain('rolled back, but the previous revision is not ready within 5s either');
  });
});
