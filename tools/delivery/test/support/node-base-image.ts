import { copyFileSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildah, execOk } from './buildah';

/**
 * A stand-in for the distroless Node base, which cannot be pulled here: this machine's own
 * `node` at /nodejs/bin/node plus the shared libraries `ldd` lists, non-root, no shell. Built
 * from scratch by copying files in (no RUN), committed to buildah's local storage as `name`.
 */
export function buildNodeBaseImage(name: string, stagingDir: string): void {
  const node = realpathSync(process.execPath);
  const rootfs = join(stagingDir, 'rootfs');
  const place = (source: string, target: string) => {
    mkdirSync(dirname(join(rootfs, target)), { recursive: true });
    copyFileSync(realpathSync(source), join(rootfs, target));
  };
  place(node, '/nodejs/bin/node');
  // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)" and the loader "/lib64/ld-linux-x86-64.so.2 (0x…)"
  for (const line of execOk('ldd', [node]).split('\n')) {
    const library = /=>\s*(\/\S+)/.exec(line)?.[1] ?? /^\s*(\/\S+)\s+\(/.exec(line)?.[1];
    if (library) place(library, library);
  }
  mkdirSync(join(rootfs, 'tmp'), { recursive: true });

  const container = buildah('from', 'scratch');
  try {
    buildah('copy', container, `${rootfs}/`, '/');
    buildah('config', '--user', '65532:65532', '--entrypoint', '["/nodejs/bin/node"]', container);
    buildah('commit', '--quiet', container, name);
  } finally {
    buildah('rm', container);
  }
}
