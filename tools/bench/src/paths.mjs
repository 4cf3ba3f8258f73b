// Where the bench reads and writes: everything it produces goes under tmp/bench/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const OUT_DIR = path.join(ROOT, 'tmp', 'bench');
export const BUILD_DIR = path.join(OUT_DIR, 'build');
export const LOG_DIR = path.join(OUT_DIR, 'logs');
export const DATA_DIR = path.join(OUT_DIR, 'data');
export const PROFILE_DIR = path.join(OUT_DIR, 'profiles');
export const FAKE_UPSTREAM_BUNDLE = path.join(BUILD_DIR, 'fake-upstream', 'fake-upstream.mjs');

/** The production bundle of an app, as `npx nx build <app>` writes it. */
export const appBundle = (/** @type {string} */ app) => path.join(ROOT, 'dist', 'apps', app, 'main.js');

/** The bench's own build of an echo server (servers/<source>.ts). */
export const echoBundle = (/** @type {string} */ key) => path.join(BUILD_DIR, `${key}.mjs`);

export const relative = (/** @type {string} */ file) => path.relative(ROOT, file);
