// @ts-check
// Facts about the workspace the delivery scripts read: where things are, the commit, the app's
// version, and the image record the container target leaves for the deploy target.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeliveryError, capture } from './cli.mjs';

export const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const NAMESPACE = 'mcp';

/** `${MCP_REGISTRY}` without a trailing slash, e.g. ghcr.io/sophia-ai or 127.0.0.1:5000/mcp. */
export function registry() {
  const value = process.env['MCP_REGISTRY']?.trim().replace(/\/+$/, '');
  if (!value) {
    throw new DeliveryError(
      'MCP_REGISTRY is not set: set it to the registry (and path) images are pushed to, e.g. MCP_REGISTRY=ghcr.io/sophia-ai',
    );
  }
  return value;
}

/** The commit the image is built from: its tag (MCP_IMAGE_TAG overrides, e.g. for a rebuild). */
export function revision() {
  return process.env['MCP_IMAGE_TAG']?.trim() || capture(['git', 'rev-parse', 'HEAD'], { cwd: WORKSPACE_ROOT }).trim();
}

/**
 * The image's timestamp (its `created` and every file time in its layers), so two builds of one
 * commit give one digest: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the
 * commit time.
 */
export function sourceDateEpoch() {
  const value = process.env['SOURCE_DATE_EPOCH']?.trim() || capture(['git', 'log', '-1', '--format=%ct', 'HEAD'], { cwd: WORKSPACE_ROOT }).trim();
  if (!/^\d+$/.test(value)) throw new DeliveryError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(value)}`);
  return value;
}

/** The app's own version (its package.json), for the image's version label. */
export function appVersion(/** @type {string} */ app) {
  const file = join(WORKSPACE_ROOT, 'apps', app, 'package.json');
  if (!existsSync(file)) throw new DeliveryError(`apps/${app}/package.json not found: is ${app} an app of this workspace?`);
  return String(JSON.parse(readFileSync(file, 'utf8')).version);
}

/** The repository URL for the image's source label: GitHub Actions' own, else git's origin. */
export function sourceUrl() {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = process.env;
  if (server && repository) return `${server}/${repository}`;
  try {
    return capture(['git', 'remote', 'get-url', 'origin'], { cwd: WORKSPACE_ROOT }).trim().replace(/\.git$/, '') || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * @typedef {{ app: string, image: string, digest: string, reference: string, revision: string, builder: string }} ImageRecord
 * `reference` is `<repository>@<digest>`: what the deploy target pins.
 */

/** dist/containers/<app>.json: the container target's output, cached by Nx with the image. */
export const imageRecordPath = (/** @type {string} */ app) => join(WORKSPACE_ROOT, 'dist', 'containers', `${app}.json`);

export function writeImageRecord(/** @type {ImageRecord} */ record) {
  const file = imageRecordPath(record.app);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** @returns {ImageRecord | undefined} */
export function readImageRecord(/** @type {string} */ app) {
  const file = imageRecordPath(app);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}
