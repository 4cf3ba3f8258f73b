#!/usr/bin/env node
// @ts-check
// The `deploy` target: renders the app's overlay with the image the container target pushed,
// applies it server-side, waits for the rollout, and rolls back when the rollout fails.
import { DeliveryError, commandLine, parseCli, run, runMain, step } from './cli.mjs';
import { renderDeployManifest } from './render.mjs';
import { NAMESPACE, readImageRecord, registry, revision } from './workspace.mjs';

const USAGE = `
Usage: node tools/delivery/src/deploy.mjs --app <name>-mcp [--image <ref>] [--dry-run]
       (normally: npx nx deploy <name>-mcp, which runs the container target first)

Renders k3s/overlays/<app> with the pushed image (dist/containers/<app>.json, or --image), then
  kubectl apply --server-side -f -
  kubectl rollout status deployment/<app> -n ${NAMESPACE} --timeout=<MCP_ROLLOUT_TIMEOUT>
and on failure kubectl rollout undo deployment/<app> -n ${NAMESPACE}, exiting non-zero with the reason.

Environment:
  MCP_ROLLOUT_TIMEOUT   how long the rollout may take (default 300s)
  KUBECONFIG            the cluster to deploy to (kubectl's own setting)

  --image <ref>   deploy this image instead, e.g. a previous digest
  --dry-run       print the rendered manifest and the commands without running them
`;

/** The image to deploy: --image, else what the container target pushed (planned in a dry run). */
function imageToDeploy(/** @type {string} */ app, /** @type {string | undefined} */ image, /** @type {boolean} */ dryRun) {
  if (image) return image;
  const record = readImageRecord(app);
  if (record) return record.reference;
  if (dryRun) return `${registry()}/${app}:${revision()}`;
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

  step(`${dryRun ? 'would apply' : 'applying'} ${app} to namespace ${NAMESPACE}`);
  if (!run(['kubectl', 'apply', '--server-side', '--field-manager=nx-deploy', '-f', '-'], { dryRun, input: manifest })) {
    throw new DeliveryError(`kubectl apply of ${app} failed (see above); nothing was rolled out`);
  }

  step(`waiting up to ${timeout} for ${deployment} to roll out`);
  if (run(['kubectl', 'rollout', 'status', deployment, '-n', NAMESPACE, `--timeout=${timeout}`], { dryRun })) {
    step(dryRun ? `dry run: nothing was changed` : `${app} is rolled out with ${image}`);
    return;
  }

  step(`rollout of ${app} failed: rolling back to the previous revision`);
  const undo = ['kubectl', 'rollout', 'undo', deployment, '-n', NAMESPACE];
  const undone = run(undo, { dryRun });
  throw new DeliveryError(
    `${deployment} did not become ready within ${timeout} with ${image} ` +
      `(kubectl describe ${deployment} -n ${NAMESPACE} shows why); ` +
      (undone ? 'rolled back to the previous revision' : `and \`${commandLine(undo)}\` failed too (a first deploy has nothing to go back to)`),
  );
});
