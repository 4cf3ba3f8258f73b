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
 * The architectures docker buildx publishes (MCP_PLATFORMS overrides, e.g. linux/amd64 where the
 * builder is Docker's own driver, which builds one platform).
 */
const dockerPlatforms = () => process.env['MCP_PLATFORMS']?.trim() || 'linux/amd64,linux/arm64';

/** buildah builds one platform a run: MCP_PLATFORMS names it, else the base image's own. */
function buildahPlatformFlags() {
  const platform = process.env['MCP_PLATFORMS']?.trim();
  if (!platform) return [];
  if (platform.includes(',')) {
    throw new Error(`MCP_PLATFORMS=${platform}: buildah builds one platform per run here; build an image list with MCP_BUILDER=docker`);
  }
  return ['--platform', platform];
}

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
        'docker', 'buildx', 'build', '--platform', dockerPlatforms(), '--output', 'type=registry,rewrite-timestamp=true', '--provenance=false',
        ...buildArgFlags({ ...buildArgs, SOURCE_DATE_EPOCH: epoch }),
        '--metadata-file', digestFile, '--tag', image, '--file', 'Dockerfile', '.',
      ],
    ];
  }
  return [
    // --timestamp sets `created`, the history times and every file time in the new layer.
    [...BUILDAH, 'bud', '--pull=missing', ...buildahPlatformFlags(), '--timestamp', epoch, ...buildArgFlags(buildArgs), '--tag', image, '--file', 'Dockerfile', '.'],
    [...BUILDAH, 'push', ...(insecureRegistry ? ['--tls-verify=false'] : []), '--digestfile', digestFile, image, `docker://${image}`],
  ];
}

/** The digest the push left behind: buildah writes it bare, docker as buildx metadata JSON. */
export function parseDigest(/** @type {Builder} */ builder, /** @type {string} */ text) {
  const digest = builder === 'docker' ? JSON.parse(text)['containerimage.digest'] : text.trim();
  if (typeof digest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new Error(`the ${builder} push left no image digest (got ${JSON.stringify(text.slice(0, 200))})`);
  }
  return digest;
}
