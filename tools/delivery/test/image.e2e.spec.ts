import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILDAH_FLAGS, assertImageToolsInstalled, buildah, exec, execOk, removeQuietly } from './support/buildah';
import { freePort, startRegistry, waitFor } from './support/local-registry';
import { buildNodeBaseImage } from './support/node-base-image';
import { WORKSPACE_ROOT } from './support/workspace';

/**
 * The real image, end to end and without a Docker engine: the container target builds github-mcp
 * from the real Dockerfile with buildah, for amd64 and arm64 under one manifest list, on a Node base
 * assembled from this machine's node, pushes it to Debian's docker-registry on loopback, skopeo
 * inspects what arrived, and the pulled image runs (buildah run, chroot isolation) and answers /healthz.
 */
const APP = 'github-mcp';
const RECORD = join(WORKSPACE_ROOT, 'dist', 'containers', `${APP}.json`);
const scratch = mkdtempSync(join(tmpdir(), 'image-e2e-'));
const nodeBase = `localhost/mcp-e2e-node-base:${process.pid}`;
// The stand-in base again, marked arm64 (its node binary cannot run there; only layers are compared),
// and a local list of both: a FROM of a list takes each platform's own base, as with distroless.
const armBase = `${nodeBase}-arm64`;
const baseList = `${nodeBase}-list`;
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
  const container = buildah('from', '--pull=never', nodeBase);
  buildah('config', '--arch', 'arm64', container);
  buildah('commit', '--quiet', container, armBase);
  buildah('rm', container);
  cleanups.push(() => removeQuietly('rmi', '--force', armBase));
  buildah('manifest', 'create', baseList, nodeBase, armBase);
  cleanups.push(() => removeQuietly('manifest', 'rm', baseList));
});

const skopeo = (...args: string[]) => JSON.parse(execOk('skopeo', ['inspect', '--tls-verify=false', ...args]));

interface ImageIndex {
  mediaType: string;
  manifests: Array<{ digest: string; platform: { os: string; architecture: string } }>;
}

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
        MCP_NODE_BASE: baseList,
        MCP_IMAGE_TAG: tag,
        MCP_REGISTRY_INSECURE: 'true',
        SOURCE_DATE_EPOCH: epoch,
        ...extra,
      },
    });
    return JSON.parse(readFileSync(RECORD, 'utf8'));
  }

  it('is built from the real Dockerfile for amd64 and arm64 and pushed as one image index by the container target, which records its digest', () => {
    const image = `${registryHost}/e2e/${APP}:${tag}`;
    const record = containerTarget();
    for (const arch of ['amd64', 'arm64']) cleanups.push(() => removeQuietly('rmi', '--force', `${image}-${arch}`));
    expect(record).toMatchObject({ app: APP, image, revision: tag, builder: 'buildah' });
    expect(record.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(record.reference).toBe(`${registryHost}/e2e/${APP}@${record.digest}`);
    const index: ImageIndex = skopeo('--raw', `docker://${record.reference}`);
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests.map(({ platform }) => `${platform.os}/${platform.architecture}`)).toEqual(['linux/amd64', 'linux/arm64']);
    // The local list went with the push (--rm): a later build starts a fresh one.
    expect(exec('buildah', [...BUILDAH_FLAGS, 'manifest', 'exists', image]).status).not.toBe(0);
    reference = record.reference;
  });

  it('is reproducible: a rebuild of the same commit from a fresh bundle (new file times) has the same index digest', () => {
    expect(reference).not.toBe('');
    // A CI runner rebuilding the commit writes the bundle anew: only the file times differ.
    const bundle = join(WORKSPACE_ROOT, 'dist', 'apps', APP);
    const later = new Date(Date.now() + 3600_000);
    for (const file of readdirSync(bundle)) utimesSync(join(bundle, file), later, later);
    utimesSync(bundle, later, later);
    expect(containerTarget().reference).toBe(reference);
  });

  it('carries an arm64 image (GH200 nodes) built without emulation: arm64 config, its own base layers, the same app layer, every blob in the registry', async () => {
    expect(reference).not.toBe('');
    const repository = reference.split('@')[0] as string;
    const index: ImageIndex = skopeo('--raw', `docker://${reference}`);
    const instance = (arch: string) => `${repository}@${index.manifests.find(({ platform }) => platform.architecture === arch)?.digest}`;
    const arm = instance('arm64');
    const config = skopeo('--config', `docker://${arm}`);
    expect({ os: config.os, architecture: config.architecture, user: config.config.User }).toEqual({ os: 'linux', architecture: 'arm64', user: '65532:65532' });
    expect(config.config.Entrypoint).toEqual(['/nodejs/bin/node', '/app/main.js']);
    const layers = (ref: string): Array<{ digest: string; size: number }> => skopeo('--raw', `docker://${ref}`).layers;
    const armLayers = layers(arm);
    // The base part is the arm64 base's own layers; the bundle layer is byte-for-byte the amd64
    // image's: nothing in the image is built per architecture.
    const armBaseLayers = JSON.parse(buildah('inspect', '--type', 'image', armBase)).OCIv1.rootfs.diff_ids as string[];
    expect(armLayers).toHaveLength(armBaseLayers.length + 1);
    expect(armLayers.at(-1)).toEqual(layers(instance('amd64')).at(-1));
    // Every arm64 layer is in the registry, at the size its manifest says.
    for (const layer of armLayers) {
      const blob = await fetch(`http://${registryHost}/v2/e2e/${APP}/blobs/${layer.digest}`, { method: 'HEAD' });
      expect({ status: blob.status, size: blob.headers.get('content-length') }).toEqual({ status: 200, size: String(layer.size) });
    }
  });

  it('arrives in the registry with its OCI labels, the non-root user and node as entrypoint', () => {
    const inspect = skopeo(`docker://${reference}`);
    expect(inspect.Digest).toBe(reference.split('@')[1]);
    expect(inspect.Labels).toMatchObject({
      'org.opencontainers.image.title': APP,
      'org.opencontainers.image.version': JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'apps', APP, 'package.json'), 'utf8')).version,
      'org.opencontainers.image.revision': tag,
    });
    expect(inspect.Labels['org.opencontainers.image.source']).toBeTruthy();
    // created is SOURCE_DATE_EPOCH (by default the commit time), not the build time
    expect(Date.parse(inspect.Created) / 1000).toBe(Number(epoch));
    const config = skopeo('--config', `docker://${reference}`).config;
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
