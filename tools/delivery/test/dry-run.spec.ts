import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from './support/render';
import { exec, execOk } from './support/workspace';

const CONTAINER = 'tools/delivery/src/container.mjs';
const DEPLOY = 'tools/delivery/src/deploy.mjs';
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const TAG = '0123456789abcdef0123456789abcdef01234567';
const EPOCH = '1700000000';
const env = (extra: Record<string, string>) => {
  const { MCP_REGISTRY: _registry, MCP_NODE_BASE: _base, ...rest } = process.env;
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

  it('prints the buildah build and push of <registry>/<app>:<sha> with --dry-run, and runs nothing', () => {
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
    expect(stdout.trim().split('\n')).toEqual([
      `$ buildah --storage-driver vfs bud --pull=missing --timestamp ${EPOCH} --build-arg APP=github-mcp --build-arg VERSION=0.1.0 --build-arg REVISION=${TAG} ` +
        `--build-arg SOURCE=https://github.com/acme/fleet --build-arg NODE_BASE=localhost/node-base:22 --tag ${image} --file Dockerfile .`,
      `$ buildah --storage-driver vfs push --tls-verify=false --digestfile dist/containers/github-mcp.digest ${image} docker://${image}`,
    ]);
  });

  it('prints one docker buildx build that pushes, with fixed timestamps, where a Docker daemon is used', () => {
    const { stdout } = script(CONTAINER, ['--app', 'github-mcp', '--dry-run'], { MCP_REGISTRY: 'ghcr.io/acme', MCP_BUILDER: 'docker' });
    expect(stdout).toMatch(
      new RegExp(`^\\$ docker buildx build --output type=registry,rewrite-timestamp=true --provenance=false --build-arg APP=github-mcp .* --build-arg SOURCE_DATE_EPOCH=${EPOCH} --metadata-file dist/containers/github-mcp.digest --tag ghcr.io/acme/github-mcp:${TAG} --file Dockerfile \\.\\n$`),
    );
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
      '$ kubectl apply --server-side --field-manager=nx-deploy -f - <<< (the manifest above)',
      '$ kubectl rollout status deployment/github-mcp -n mcp --timeout=300s',
    ]);
  });

  it('refuses a :latest image', () => {
    const { status, stderr } = script(DEPLOY, ['--app', 'github-mcp', '--image', 'registry.test/github-mcp:latest', '--dry-run']);
    expect(status).toBe(1);
    expect(stderr).toContain('never :latest');
  });

  it('rolls back and fails with the reason when the rollout does not become ready', () => {
    // A kubectl that renders for real but whose cluster never gets the rollout ready.
    const bin = mkdtempSync(join(tmpdir(), 'fake-kubectl-'));
    const log = join(bin, 'calls.log');
    const realKubectl = execOk('sh', ['-c', 'command -v kubectl']).trim();
    writeFileSync(
      join(bin, 'kubectl'),
      [
        '#!/bin/sh',
        `[ "$1" = kustomize ] && exec ${realKubectl} "$@"`,
        `echo "$*" >> ${log}`,
        '[ "$1" = apply ] && { cat > /dev/null; exit 0; }',
        '[ "$1 $2" = "rollout status" ] && { echo \'error: deployment "github-mcp" exceeded its progress deadline\' >&2; exit 1; }',
        'exit 0',
      ].join('\n'),
    );
    chmodSync(join(bin, 'kubectl'), 0o755);
    const { status, stderr } = script(DEPLOY, ['--app', 'github-mcp', '--image', image], {
      PATH: `${bin}:${process.env['PATH']}`,
      MCP_ROLLOUT_TIMEOUT: '5s',
    });
    expect(status).toBe(1);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'apply --server-side --field-manager=nx-deploy -f -',
      'rollout status deployment/github-mcp -n mcp --timeout=5s',
      'rollout undo deployment/github-mcp -n mcp',
    ]);
    expect(stderr).toContain(`✖ deployment/github-mcp did not become ready within 5s with ${image}`);
    expect(stderr).toContain('rolled back to the previous revision');
  });
});
