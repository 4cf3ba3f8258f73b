#!/usr/bin/env node
// @ts-check
// The `deploy` target: renders the app's overlay with the image the container target pushed,
// applies it server-side (the Deployment last, so a failed apply changes no pod), waits for the
// rollout, and rolls back when the rollout fails, waiting for the previous revision to be ready.
import { DeliveryError, capture, commandLine, parseCli, run, runMain, step } from './cli.mjs';
import { listDeployedCommand, staleObjects } from './prune.mjs';
import { recordRelease, renderDeployManifest } from './render.mjs';
import { NAMESPACE, WORKSPACE_ROOT, readImageRecord, registry, revision } from './workspace.mjs';

const USAGE = `
Usage: node tools/delivery/src/deploy.mjs --app <name>-mcp [--image <ref>] [--dry-run]
       (normally: npx nx deploy <name>-mcp, which runs the container target first)

Renders k3s/overlays/<app> with the pushed image (dist/containers/<app>.json, or --image), then
  kubectl apply --server-side -f -     (every object but the Deployment)
  kubectl apply --server-side -f -     (the Deployment, only when the first apply succeeded)
  kubectl rollout status deployment/<app> -n ${NAMESPACE} --timeout=<MCP_ROLLOUT_TIMEOUT>
and on failure kubectl rollout undo deployment/<app> -n ${NAMESPACE} and a rollout status of the
previous revision, exiting non-zero with the reason. After a ready rollout it deletes what an
earlier deploy created that the overlay no longer renders (label app.kubernetes.io/instance=<app>;
PersistentVolumeClaims are never deleted).

Environment:
  MCP_ROLLOUT_TIMEOUT   how long the rollout may take (default 300s)
  MCP_RECORD_RELEASE    true: after a ready rollout, write k3s/releases/<app>/kustomization.yaml
                        (the overlay with the digest) for CI to commit
  MCP_INGRESS_TLS       cert-manager: the IngressRoute serves k3s/tls's certificate (apply k3s/tls first)
  KUBECONFIG            the cluster to deploy to (kubectl's own setting)

  --image <ref>   deploy this image instead, e.g. a previous digest
  --dry-run       print the rendered manifest and the commands without running them
`;

/**
 * The image to deploy: --image, else what the container target pushed. A dry run pushes nothing,
 * so it plans this commit's tag rather than a record an earlier build left behind.
 */
function imageToDeploy(/** @type {string} */ app, /** @type {string | undefined} */ image, /** @type {boolean} */ dryRun) {
  if (image) return image;
  if (dryRun) return `${registry()}/${app}:${revision()}`;
  const record = readImageRecord(app);
  if (record) return record.reference;
  throw new DeliveryError(`dist/containers/${app}.json is missing: push the image first (npx nx container ${app})`);
}

await runMain(() => {
  const { app, dryRun, values } = parseCli(process.argv.slice(2), USAGE, { image: { type: 'string' } });
  const image = imageToDeploy(app, typeof values.image === 'string' ? values.image : undefined, dryRun);
  const deployment = `deployment/${app}`;
  const timeout = process.env['MCP_ROLLOUT_TIMEOUT'] || '300s';

  step(`rendering k3s/overlays/${app} with ${image}`);
  const manifest = renderDeployManifest(app, image);
  if (dryRun) process.stdout.write(`${manifest}---\n`);

  // The Deployment goes last: when an object around it fails (a CRD not installed, a quota), the
  // running pods stay as they are. --force-conflicts: the deploy owns these objects, also the fields
  // a `rollout undo` (another field manager) changed since the last deploy.
  const { deployment: deploymentYaml, others } = splitDeployment(manifest);
  const apply = ['kubectl', 'apply', '--server-side', '--force-conflicts', '--field-manager=nx-deploy', '-f', '-'];
  step(`${dryRun ? 'would apply' : 'applying'} ${app}'s objects to namespace ${NAMESPACE}, the Deployment last`);
  if (!run(apply, { dryRun, input: others, inputLabel: 'the objects above but the Deployment' })) {
    throw new DeliveryError(
      `kubectl apply of ${app}'s objects failed (see above), so the Deployment was not applied: no pod changed. ` +
        '"no matches for kind" means a cluster piece is missing: install the CRDs it names first (docs/deploy.md).',
    );
  }
  if (!run(apply, { dryRun, input: deploymentYaml, inputLabel: 'the Deployment above' })) {
    throw new DeliveryError(`kubectl apply of ${deployment} failed (see above); it was not changed, nothing was rolled out`);
  }

  step(`waiting up to ${timeout} for ${deployment} to roll out`);
  const status = ['kubectl', 'rollout', 'status', deployment, '-n', NAMESPACE, `--timeout=${timeout}`];
  if (run(status, { dryRun })) {
    step(dryRun ? `would delete what an earlier deploy of ${app} created that the manifest no longer has` : `${app} is rolled out with ${image}`);
    prune(app, manifest, dryRun);
    if (process.env['MCP_RECORD_RELEASE'] === 'true') {
      if (dryRun) step(`would record ${image} in k3s/releases/${app}`);
      else step(`recorded in ${recordRelease(app, image).slice(WORKSPACE_ROOT.length + 1)}`);
    }
    step(dryRun ? `dry run: nothing was changed` : `${app} is up to date`);
    return;
  }

  step(`rollout of ${app} failed: rolling back to the previous revision`);
  const undo = ['kubectl', 'rollout', 'undo', deployment, '-n', NAMESPACE];
  const failed = `${deployment} did not become ready within ${timeout} with ${image} (kubectl describe ${deployment} -n ${NAMESPACE} shows why); `;
  if (!run(undo, { dryRun })) {
    throw new DeliveryError(`${failed}and \`${commandLine(undo)}\` failed too (a first deploy has nothing to go back to)`);
  }
  step(`waiting up to ${timeout} for the previous revision of ${deployment}`);
  const recovered = run(status, { dryRun });
  throw new DeliveryError(
    failed +
      (recovered
        ? 'rolled back to the previous revision, which is ready again'
        : `rolled back, but the previous revision is not ready within ${timeout} either: the server needs attention`),
  );
});

/** Deletes the objects of the app the manifest no longer renders (after a ready rollout only). */
function prune(/** @type {string} */ app, /** @type {string} */ manifest, /** @type {boolean} */ dryRun) {
  const list = listDeployedCommand(app, NAMESPACE);
  if (dryRun) {
    process.stdout.write(`$ ${commandLine(list)}\n`);
    return;
  }
  const stale = staleObjects(manifest, capture(list));
  if (stale.length === 0) return;
  step(`deleting what ${app}'s manifest no longer has: ${stale.join(', ')}`);
  if (!run(['kubectl', 'delete', '-n', NAMESPACE, '--ignore-not-found', ...stale], { dryRun })) {
    throw new DeliveryError(`${app} is rolled out, but deleting ${stale.join(', ')} failed (see above): delete them by hand`);
  }
}

/** The rendered manifest split into the Deployment and everything else (kustomize's `---` documents). */
function splitDeployment(/** @type {string} */ manifest) {
  const documents = manifest.split(/^---\n/m).filter((document) => document.trim());
  const isDeployment = (/** @type {string} */ document) => /^kind: Deployment$/m.test(document);
  const deployments = documents.filter(isDeployment);
  if (deployments.length !== 1) throw new DeliveryError(`the overlay rendered ${deployments.length} Deployments, expected one`);
  return { deployment: deployments[0] ?? '', others: documents.filter((document) => !isDeployment(document)).join('---\n') };
}
