#!/usr/bin/env node
// @ts-check
// The `container` target: builds ${MCP_REGISTRY}/<app>:<git sha> from the root Dockerfile and
// the app's bundle, pushes it, and records the pushed digest in dist/containers/<app>.json.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DeliveryError, parseCli, run, runMain, step } from './cli.mjs';
import { buildCommands, chooseBuilder, parseDigest, staleListCommand } from './builders.mjs';
import { WORKSPACE_ROOT, appVersion, registry, revision, sourceDateEpoch, sourceUrl, writeImageRecord } from './workspace.mjs';

const USAGE = `
Usage: node tools/delivery/src/container.mjs --app <name>-mcp [--dry-run]
       (normally: npx nx container <name>-mcp, which builds the bundle first)

Builds \${MCP_REGISTRY}/<app>:<git sha> from the root Dockerfile and dist/apps/<app>/, pushes it,
and writes the image reference and digest to dist/containers/<app>.json.

Environment:
  MCP_REGISTRY           registry and path to push to, e.g. ghcr.io/sophia-ai (required)
  MCP_BUILDER            docker | buildah (default: docker when a daemon answers, else buildah)
  MCP_PLATFORMS          the platforms of the image list (default linux/amd64,linux/arm64); one
                         platform gives a single image instead of a list
  MCP_NODE_BASE          base image instead of the Dockerfile's pinned distroless Node 22
  MCP_IMAGE_TAG          tag instead of the commit sha
  MCP_REGISTRY_INSECURE  true: push over plain HTTP (a local test registry)
  SOURCE_DATE_EPOCH      the image's timestamps (default: the commit time), for reproducible digests

  --dry-run   print the commands without running them
`;

await runMain(() => {
  const { app, dryRun } = parseCli(process.argv.slice(2), USAGE);
  const bundle = join(WORKSPACE_ROOT, 'dist', 'apps', app, 'main.js');
  if (!dryRun && !existsSync(bundle)) {
    throw new DeliveryError(`dist/apps/${app}/main.js is missing: build it first (npx nx build ${app})`);
  }
  const tag = revision();
  const image = `${registry()}/${app}:${tag}`;
  const nodeBase = process.env['MCP_NODE_BASE']?.trim();
  const buildArgs = {
    APP: app,
    VERSION: appVersion(app),
    REVISION: tag,
    SOURCE: sourceUrl(),
    ...(nodeBase ? { NODE_BASE: nodeBase } : {}),
  };
  const builder = chooseBuilder();
  // Relative: the commands run in the workspace root, and --dry-run prints them as they run.
  const digestFile = `dist/containers/${app}.digest`;
  const commands = buildCommands(builder, {
    app,
    image,
    buildArgs,
    epoch: sourceDateEpoch(),
    digestFile,
    insecureRegistry: process.env['MCP_REGISTRY_INSECURE'] === 'true',
  });

  step(`${dryRun ? 'would build' : 'building'} ${image} with ${builder}`);
  if (!dryRun) mkdirSync(join(WORKSPACE_ROOT, 'dist', 'containers'), { recursive: true });
  const stale = dryRun ? undefined : staleListCommand(builder, image);
  for (const command of stale ? [stale, ...commands] : commands) {
    if (!run(command, { dryRun, cwd: WORKSPACE_ROOT })) throw new DeliveryError(`${command[0]} failed building ${image}`);
  }
  if (dryRun) return;

  const digestPath = join(WORKSPACE_ROOT, digestFile);
  const digest = parseDigest(builder, readFileSync(digestPath, 'utf8'));
  rmSync(digestPath, { force: true });
  const reference = `${image.slice(0, image.lastIndexOf(':'))}@${digest}`;
  const file = writeImageRecord({ app, image, digest, reference, revision: tag, builder });
  step(`pushed ${reference} (recorded in ${file.slice(WORKSPACE_ROOT.length + 1)})`);
});
