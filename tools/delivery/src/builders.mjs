// @ts-check
// The two ways to build and push the root Dockerfile: `docker buildx` where a Docker daemon is
// reachable (GitHub-hosted runners, laptops), `buildah` where none is (these build machines).
// Both take the same build args and leave the pushed digest in a file.
import { spawnSync } from 'node:child_process';

/** @typedef {'docker' | 'buildah'} Builder */

/**
 * @typedef {object} ImageBuild
 * @property {string} app
 * @property {string} image the tag to push: <registry>/<app>:<revision>
 * @property {Record<string, string>} buildArgs
 * @property {string} epoch seconds since 1970: the image's created time and every file time in it
 * @property {string} digestFile where the pushed digest is written
 * @property {boolean} insecureRegistry plain HTTP / self-signed registry (local tests)
 */

/** MCP_BUILDER picks one explicitly; otherwise docker when its daemon answers, else buildah. */
export function chooseBuilder() {
  const wanted = process.env['MCP_BUILDER'];
  if (wanted === 'docker' || wanted === 'buildah') return wanted;
  if (wanted) throw new Error(`MCP_BUILDER must be docker or buildah, not ${wanted}`);
  const docker = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'ignore', timeout: 10000 });
  return docker.status === 0 ? 'docker' : 'buildah';
}

const buildArgFlags = (/** @type {Record<string, string>} */ args) =>
  Object.entries(args).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]);

/**
 * The architectures of the image list both builders publish: amd64 and arm64 (Lambda's GH200 nodes).
 * MCP_PLATFORMS overrides, e.g. linux/amd64 where the builder is Docker's own driver, which builds one.
 */
const platforms = () =>
  (process.env['MCP_PLATFORMS']?.trim() || 'linux/amd64,linux/arm64')
    .split(',')
    .map((platform) => platform.trim())
    .filter(Boolean);

/** buildah keeps images in the vfs driver: it needs no kernel overlay support or privileges. */
export const BUILDAH = ['buildah', '--storage-driver', 'vfs'];

/**
 * The commands that build and push the image, run in the workspace root (the build context;
 * .dockerignore keeps it to dist/apps).
 * @param {Builder} builder
 * @param {ImageBuild} build
 * @returns {string[][]}
 */
export function buildCommands(builder, { image, buildArgs, epoch, digestFile, insecureRegistry }) {
  // Reproducible: the same commit gives the same digest, so a redeploy of it restarts no pod.
  if (builder === 'docker') {
    // One image list for amd64 and arm64 (Lambda's GH200 nodes): with no RUN step no emulation is
    // needed, and the deploy pins the list's digest, so each node pulls its own architecture.
    // BuildKit takes SOURCE_DATE_EPOCH for `created`; rewrite-timestamp clamps the file times in
    // the layers. --metadata-file records containerimage.digest; provenance off keeps no attestations.
    return [
      [
        'docker', 'buildx', 'build', '--platform', platforms().join(','), '--output', 'type=registry,rewrite-timestamp=true', '--provenance=false',
        ...buildArgFlags({ ...buildArgs, SOURCE_DATE_EPOCH: epoch }),
        '--metadata-file', digestFile, '--tag', image, '--file', 'Dockerfile', '.',
      ],
    ];
  }
  const tlsVerify = insecureRegistry ? ['--tls-verify=false'] : [];
  // --timestamp sets `created`, the history times and every file time in the new layer.
  const bud = (/** @type {string} */ platform, /** @type {string[]} */ output) => [
    ...BUILDAH, 'bud', '--pull=missing', '--platform', platform, '--timestamp', epoch, ...buildArgFlags(buildArgs), ...output, '--file', 'Dockerfile', '.',
  ];
  const wanted = platforms();
  if (wanted.length === 1) {
    return [
      bud(wanted[0] ?? '', ['--tag', image]),
      [...BUILDAH, 'push', ...tlsVerify, '--digestfile', digestFile, image, `docker://${image}`],
    ];
  }
  // Several platforms: one local manifest list named after the image, one build per platform added
  // to it (a FROM of a list takes each platform's own base; no RUN step, so no emulation), pushed
  // with its images as an OCI index whose digest the deploy pins; --rm drops the local list after.
  return [
    // Each platform's image is also tagged <image>-<arch> locally, so it can be found and removed.
    ...wanted.map((platform) => bud(platform, ['--manifest', image, '--tag', `${image}-${platform.split('/')[1]}`])),
    [...BUILDAH, 'manifest', 'push', '--all', '--rm', '--format', 'oci', ...tlsVerify, '--digestfile', digestFile, image, `docker://${image}`],
  ];
}

/**
 * A list an interrupted earlier build left under the image's name would collect this build's images
 * next to its own: remove it first (buildah only; `bud --manifest` adds to an existing list).
 */
export function staleListCommand(/** @type {Builder} */ builder, /** @type {string} */ image) {
  if (builder !== 'buildah' || platforms().length === 1) return undefined;
  const exists = spawnSync(BUILDAH[0] ?? 'buildah', [...BUILDAH.slice(1), 'manifest', 'exists', image], { stdio: 'ignore' });
  return exists.status === 0 ? [...BUILDAH, 'manifest', 'rm', image] : undefined;
}

/** The digest the push left behind: buildah writes it bare, docker as buildx metadata JSON. */
export function parseDigest(/** @type {Builder} */ builder, /** @type {string} */ text) {
  const digest = builder === 'docker' ? JSON.parse(text)['containerimage.digest'] : text.trim();
  if (typeof digest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new Error(`the ${builder} push left no image digest (got ${JSON.stringify(text.slice(0, 200))})`);
  }
  return digest;
}
