// @ts-check
// Renders what the deploy target applies: the shared namespace plus the app's overlay, with the
// overlay's placeholder image replaced by the pushed one. Kustomize refuses absolute paths and
// files outside a kustomization's root, so the k3s tree is copied to a temporary directory and a
// small kustomization is written next to the overlays there; the checked-in files stay untouched.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryError, capture } from './cli.mjs';
import { WORKSPACE_ROOT } from './workspace.mjs';

/** Splits `repo[:tag][@digest]` (a registry host may carry a port) into kustomize's image fields. */
export function imageFields(/** @type {string} */ reference) {
  const [nameAndTag = '', digest] = reference.split('@');
  const lastColon = nameAndTag.lastIndexOf(':');
  const hasTag = lastColon > nameAndTag.lastIndexOf('/');
  const newName = hasTag ? nameAndTag.slice(0, lastColon) : nameAndTag;
  const newTag = hasTag ? nameAndTag.slice(lastColon + 1) : undefined;
  if (!digest && !newTag) throw new DeliveryError(`image ${reference} has neither a tag nor a digest`);
  if (newTag === 'latest') throw new DeliveryError(`image ${reference}: deploy a commit tag or a digest, never :latest`);
  return digest ? { newName, digest } : { newName, newTag };
}

/**
 * Components every deploy adds on top of the overlay, chosen by the environment (paths from
 * k3s/releases/<app>): MCP_INGRESS_TLS=cert-manager serves k3s/tls's certificate on the route.
 */
export function deployComponents() {
  const tls = process.env['MCP_INGRESS_TLS'];
  if (!tls) return [];
  if (tls !== 'cert-manager') {
    throw new DeliveryError(`MCP_INGRESS_TLS=${tls} is not supported: set cert-manager (after applying k3s/tls), or unset it for Traefik's default certificate`);
  }
  return ['../../tls/ingress-route'];
}

/** The kustomization the deploy applies: namespace + overlay, image pinned, plus deployComponents(). */
export function deployKustomization(/** @type {string} */ app, /** @type {string} */ reference) {
  const image = Object.entries({ name: app, ...imageFields(reference) })
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n    ');
  const components = deployComponents();
  return [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../../base/namespace',
    `  - ../../overlays/${app}`,
    ...(components.length ? ['components:', ...components.map((component) => `  - ${component}`)] : []),
    'images:',
    `  - ${image}`,
    '',
  ].join('\n');
}

/**
 * k3s/releases/<app>/kustomization.yaml: what a ready rollout applied (the overlay with the image
 * digest), so the cluster's state is in the repository; the deploy workflow commits it.
 */
export function recordRelease(/** @type {string} */ app, /** @type {string} */ reference) {
  const dir = join(WORKSPACE_ROOT, 'k3s', 'releases', app);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kustomization.yaml');
  const header = [
    `# Written by the deploy of ${app} after its rollout was ready; do not edit.`,
    `# kubectl apply --server-side -k k3s/releases/${app} re-applies exactly what runs.`,
    '',
  ].join('\n');
  writeFileSync(file, header + deployKustomization(app, reference));
  return file;
}

/** `kubectl kustomize` of the app's overlay with the image pinned: the YAML to apply. */
export function renderDeployManifest(/** @type {string} */ app, /** @type {string} */ reference) {
  const overlay = join(WORKSPACE_ROOT, 'k3s', 'overlays', app);
  if (!existsSync(overlay)) {
    throw new DeliveryError(`k3s/overlays/${app} is missing: run \`npx nx sync\` to generate it from apps/${app}/mcp-server.json`);
  }
  const scratch = mkdtempSync(join(tmpdir(), `deploy-${app}-`));
  try {
    cpSync(join(WORKSPACE_ROOT, 'k3s'), join(scratch, 'k3s'), { recursive: true });
    const dir = join(scratch, 'k3s', 'releases', app);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), deployKustomization(app, reference));
    return capture(['kubectl', 'kustomize', dir]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
