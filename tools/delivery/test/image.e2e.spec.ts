import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILDAH_FLAGS, assertImageToolsInstalled, buildah, execOk, removeQuietly } from './support/buildah';
import { freePort, startRegistry, waitFor } from './support/local-registry';
import { buildNodeBaseImage } from './support/node-base-image';
import { WORKSPACE_ROOT } from './support/workspace';

/**
 * The real image, end to end and without a Docker engine: the container target builds github-mcp
 * from the real Dockerfile with buildah on a Node base assembled from this machine's node, pushes
 * it to Debian's docker-registry on loopback, skopeo inspects what arrived, and the pulled image
 * runs (buildah run, chroot isolation) and answers /healthz.
 */
const APP = 'github-mcp';
const RECORD = join(WORKSPACE_ROOT, 'dist', 'containers', `${APP}.json`);
const scratch = mkdtempSync(join(tmpdir(), 'image-e2e-'));
const nodeBase = `localhost/mcp-e2e-node-base:${process.pid}`;
const tag = `e2e-${process.pid}`;
const cleanups: Array<() => unknown> = [];
let registryHost = '';
// The image time of every build here: the commit time, read once (others may commit meanwhile).
const epoch = execOk('git', ['log', '-1', '--format=%ct', 'HEAD']).trim();

beforeAll(async () => {
  assertImageToolsInstalled();
  if (!existsSync(join(WORKSPACE_ROOT, 'dist', 'apps', APP, 'main.js'))) {
    throw new Error(`dist/apps/${APP}/main.js is missing: run \`npx nx e2e delivery\` (it builds the bundle first)`);
  }
  // The container target writes its record into the workspace: keep a developer's own record.
  if (existsSync(RECORD)) copyFileSync(RECORD, join(scratch, 'record.json'));
  cleanups.push(() => (existsSync(join(scratch, 'record.json')) ? copyFileSync(join(scratch, 'record.json'), RECORD) : rmSync(RECORD, { force: true })));

  const registry = await startRegistry(join(scratch, 'registry'));
  registryHost = registry.host;
  cleanups.push(() => registry.stop());
  buildNodeBaseImage(nodeBase, scratch);
  cleanups.push(() => removeQuietly('rmi', '--force', nodeBase));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe(`the ${APP} image`, () => {
  let reference = '';

  /** The container target, as `nx container` runs it; returns the record it leaves. */
  function containerTarget(extra: Record<string, string> = {}): { app: string; image: string; digest: string; reference: string; revision: string } {
    execOk(process.execPath, ['tools/delivery/src/container.mjs', '--app', APP], {
      env: {
        ...process.env,
        MCP_REGISTRY: `${registryHost}/e2e`,
        MCP_BUILDER: 'buildah',
        MCP_NODE_BASE: nodeBase,
        MCP_IMAGE_TAG: tag,
        MCP_REGISTRY_INSECURE: 'true',
        SOURCE_DATE_EPOCH: epoch,
        ...extra,
      },
    });
    return JSON.parse(readFileSync(RECORD, 'utf8'));
  }

  it('is built from the real Dockerfile and pushed by the container target, which records the digest', () => {
    const image = `${registryHost}/e2e/${APP}:${tag}`;
    const record = containerTarget();
    cleanups.push(() => removeQuietly('rmi', '--force', image));
    expect(record).toMatchObject({ app: APP, image, revision: tag, builder: 'buildah' });
    expect(record.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(record.reference).toBe(`${registryHost}/e2e/${APP}@${record.digest}`);
    reference = record.reference;
  });

  it('is reproducible: a rebuild of the same commit from a fresh bundle (new file times) has the same digest', () => {
    expect(reference).not.toBe('');
    // A CI runner rebuilding the commit writes the bundle anew: only the file times differ.
    const bundle = join(WORKSPACE_ROOT, 'dist', 'apps', APP);
    const later = new Date(Date.now() + 3600_000);
    for (const file of readdirSync(bundle)) utimesSync(join(bundle, file), later, later);
    utimesSync(bundle, later, later);
    removeQuietly('rmi', '--force', `${registryHost}/e2e/${APP}:${tag}`);
    expect(containerTarget().reference).toBe(reference);
  });

  it('builds for arm64 (GH200 nodes) from the same Dockerfile without emulation: arm64 config, the same app layer', () => {
    // The stand-in base again, marked arm64 (its node binary cannot run there; only layers are compared).
    const armBase = `${nodeBase}-arm64`;
    const container = buildah('from', '--pull=never', nodeBase);
    buildah('config', '--arch', 'arm64', container);
    buildah('commit', '--quiet', container, armBase);
    buildah('rm', container);
    cleanups.push(() => removeQuietly('rmi', '--force', armBase));
    const arm = containerTarget({ MCP_NODE_BASE: armBase, MCP_PLATFORMS: 'linux/arm64', MCP_IMAGE_TAG: `${tag}-arm64` });
    cleanups.push(() => removeQuietly('rmi', '--force', arm.image));
    const inspect = (ref: string, ...flags: string[]) => JSON.parse(execOk('skopeo', ['inspect', '--tls-verify=false', ...flags, `docker://${ref}`]));
    const config = inspect(arm.reference, '--config');
    expect({ os: config.os, architecture: config.architecture, user: config.config.User }).toEqual({ os: 'linux', architecture: 'arm64', user: '65532:65532' });
    expect(config.config.Entrypoint).toEqual(['/nodejs/bin/node', '/app/main.js']);
    // The bundle layer is byte-for-byte the amd64 image's: nothing in the image is built per architecture.
    expect(inspect(arm.reference).Layers.at(-1)).toBe(inspect(reference).Layers.at(-1));
  });

  it('arrives in the registry with its OCI labels, the non-root user and node as entrypoint', () => {
    const inspect = JSON.parse(execOk('skopeo', ['inspect', '--tls-verify=false', `docker://${reference}`]));
    expect(inspect.Digest).toBe(reference.split('@')[1]);
    expect(inspect.Labels).toMatchObject({
      'org.opencontainers.image.title': APP,
      'org.opencontainers.image.version': JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'apps', APP, 'package.json'), 'utf8')).version,
      'org.opencontainers.image.revision': tag,
    });
    expect(inspect.Labels['org.opencontainers.image.source']).toBeTruthy();
    // created is SOURCE_DATE_EPOCH (by default the commit time), not the build time
    expect(Date.parse(inspect.Created) / 1000).toBe(Number(epoch));
    const config = JSON.parse(execOk('skopeo', ['inspect', '--tls-verify=false', '--config', `docker://${reference}`])).config;
    expect(config.User).toBe('65532:65532');
    expect(config.Entrypoint).toEqual(['/nodejs/bin/node', '/app/main.js']);
    expect(config.Healthcheck).toBeUndefined();
  });

  it('runs as uid 65532 and answers /healthz with 200', async () => {
    const container = buildah('from', '--tls-verify=false', '--pull=always', `docker://${reference}`);
    cleanups.push(() => removeQuietly('rmi', '--force', reference));
    cleanups.push(() => removeQuietly('rm', container));
    expect(buildah('run', '--isolation', 'chroot', container, '--', '/nodejs/bin/node', '-p', 'process.getuid()')).toBe('65532');

    const port = await freePort();
    const server = spawn(
      'buildah',
      [...BUILDAH_FLAGS, 'run', '--isolation', 'chroot', '--env', `MCP_PORT=${port}`, '--env', 'MCP_HOST=127.0.0.1', '--env', 'LOG_LEVEL=warn', container, '--', '/nodejs/bin/node', '/app/main.js'],
      { stdio: ['ignore', 'inherit', 'inherit'], detached: true },
    );
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      await waitFor(`http://127.0.0.1:${port}/healthz`, 200, 60000);
    } finally {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
  });
});
