// @ts-check
// Pruning: objects an earlier deploy of the app created that its overlay no longer renders (an HPA
// after `autoscale: false`, the optional ExternalSecret after its last optional key went) are
// deleted once the new rollout is ready, found by the overlay's app.kubernetes.io/instance label.
import { parseAllDocuments } from 'yaml';

/**
 * The kinds an overlay can render, as `kubectl get` names them. PersistentVolumeClaims are left
 * out on purpose: a volume holds data, and dropping it stays a human decision.
 */
export const PRUNED_RESOURCES = [
  'deployments.apps',
  'services',
  'serviceaccounts',
  'horizontalpodautoscalers.autoscaling',
  'poddisruptionbudgets.policy',
  'networkpolicies.networking.k8s.io',
  'externalsecrets.external-secrets.io',
  'ingressroutes.traefik.io',
  'middlewares.traefik.io',
];

/** `kubectl get -o name` of what a deploy of `app` created earlier (a read, also in dry runs). */
export const listDeployedCommand = (/** @type {string} */ app, /** @type {string} */ namespace) => [
  'kubectl', 'get', PRUNED_RESOURCES.join(','), '-n', namespace, '-l', `app.kubernetes.io/instance=${app}`, '-o', 'name',
];

/** The rendered objects as `kubectl get -o name` prints them: `<kind>[.<group>]/<name>`, lower-case kind. */
export function renderedNames(/** @type {string} */ manifest) {
  return new Set(
    parseAllDocuments(manifest)
      .map((document) => document.toJS())
      .filter((object) => object?.kind && object.metadata?.name)
      .map(({ apiVersion, kind, metadata }) => {
        const group = String(apiVersion).includes('/') ? `.${String(apiVersion).split('/')[0]}` : '';
        return `${String(kind).toLowerCase()}${group}/${metadata.name}`;
      }),
  );
}

/** The names `kubectl get -o name` listed that the manifest no longer renders. */
export function staleObjects(/** @type {string} */ manifest, /** @type {string} */ listed) {
  const rendered = renderedNames(manifest);
  return listed
    .split('\n')
    .map((line) => line.trim())
    .filter((name) => name && !rendered.has(name));
}
