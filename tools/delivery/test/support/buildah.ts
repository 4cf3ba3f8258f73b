import { exec, execOk } from './workspace';

export { exec, execOk };

/** The same storage driver the container target uses, so images built there are found here. */
export const BUILDAH_FLAGS = ['--storage-driver', 'vfs'];

export const buildah = (...args: string[]) => execOk('buildah', [...BUILDAH_FLAGS, ...args]).trim();

/** Tools the image end to end needs; a missing one fails the spec (it is never skipped). */
export function assertImageToolsInstalled(): void {
  const missing = ['buildah', 'skopeo', 'docker-registry', 'ldd'].filter((tool) => exec('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length) {
    throw new Error(
      `${missing.join(', ')} not installed: run \`bash .ci/run\` (it installs them), or \`apt-get install -y buildah skopeo docker-registry\``,
    );
  }
}

/** Cleanup: removes a buildah image or container, ignoring one that is already gone. */
export const removeQuietly = (...args: string[]) => exec('buildah', [...BUILDAH_FLAGS, ...args]);
