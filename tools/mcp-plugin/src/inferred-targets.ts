import type { TargetConfiguration } from '@nx/devkit';

/**
 * The targets every MCP server gets, inferred from its manifest instead of being
 * copied into sixteen project.json files. Inputs are declared so the cache and
 * `nx affected` are exact: an app's own files plus the production files of the libs
 * it depends on; tests and docs never invalidate a build.
 */
export function serverTargets(root: string, name: string, hasE2e: boolean): Record<string, TargetConfiguration> {
  const targets: Record<string, TargetConfiguration> = {
    build: {
      executor: '@nx/esbuild:esbuild',
      cache: true,
      dependsOn: ['^build'],
      // ^bundled: the production files of the libs the bundle takes in (libs/mcp-testing declares none).
      inputs: ['production', '^bundled', '{workspaceRoot}/tools/esbuild/server-bundle.config.cjs'],
      outputs: ['{options.outputPath}'],
      options: {
        main: `${root}/src/main.ts`,
        outputPath: `dist/apps/${name}`,
        tsConfig: `${root}/tsconfig.json`,
        platform: 'node',
        target: 'node20',
        format: ['esm'],
        bundle: true,
        thirdParty: true,
        skipTypeCheck: true,
        sourcemap: true,
        generatePackageJson: false,
        esbuildConfig: 'tools/esbuild/server-bundle.config.cjs',
      },
      configurations: { development: {}, production: {} },
      metadata: { description: `One self-contained ESM bundle: node dist/apps/${name}/main.js` },
    },
    serve: {
      executor: '@nx/js:node',
      continuous: true,
      options: { buildTarget: `${name}:build:development`, watch: true, inspect: false },
      metadata: { description: 'Run the server on its port; rebuild and restart on change.' },
    },
  };
  if (hasE2e) {
    targets['e2e'] = {
      executor: 'nx:run-commands',
      dependsOn: ['build'],
      inputs: ['default', '^production', '{workspaceRoot}/jest.preset.js'],
      options: { command: `jest --config ${root}/jest.e2e.config.cjs` },
      metadata: { description: 'Specs against the built bundle running as a process.' },
    };
  }
  return { ...targets, ...deliveryTargets(name) };
}

/**
 * `container` (image build + push) and `deploy` (overlay render, apply, rollout). The image is
 * a function of the bundle and the Dockerfile only, so `container` caches on exactly those (and
 * the registry it pushes to); `{workspaceRoot}` inputs also make `nx affected` pick every server
 * when the Dockerfile or the shared k3s base changes. `deploy` acts on a cluster: never cached.
 */
export function deliveryTargets(name: string): Record<string, TargetConfiguration> {
  return {
    container: {
      executor: 'nx:run-commands',
      cache: true,
      dependsOn: ['build'],
      inputs: [
        { dependentTasksOutputFiles: '**/*', transitive: false },
        '{workspaceRoot}/Dockerfile',
        '{workspaceRoot}/.dockerignore',
        // the scripts that assemble the image (timestamps, labels, builder flags)
        '{workspaceRoot}/tools/delivery/src/container.mjs',
        '{workspaceRoot}/tools/delivery/src/builders.mjs',
        '{workspaceRoot}/tools/delivery/src/workspace.mjs',
        // they import node builtins only: no npm package versions go into the image hash
        { externalDependencies: [] },
        { env: 'MCP_REGISTRY' },
        { env: 'MCP_NODE_BASE' },
        { env: 'MCP_PLATFORMS' },
      ],
      outputs: [`{workspaceRoot}/dist/containers/${name}.json`],
      options: { command: `node tools/delivery/src/container.mjs --app ${name}` },
      metadata: { description: `Build \${MCP_REGISTRY}/${name}:<git sha> from the Dockerfile and push it (--dry-run prints the commands).` },
    },
    deploy: {
      executor: 'nx:run-commands',
      cache: false,
      dependsOn: [{ target: 'container', params: 'forward' }],
      inputs: [
        `{workspaceRoot}/k3s/base/**/*`,
        `{workspaceRoot}/k3s/components/**/*`,
        `{workspaceRoot}/k3s/overlays/${name}/**/*`,
        // the certificate's IngressRoute component every overlay renders with MCP_INGRESS_TLS=cert-manager
        `{workspaceRoot}/k3s/tls/**/*`,
      ],
      options: { command: `node tools/delivery/src/deploy.mjs --app ${name}` },
      metadata: { description: `Roll the pushed image out to K3s with k3s/overlays/${name}; rolls back on failure (--dry-run prints manifest and commands).` },
    },
  };
}

/** Every TypeScript project (apps, libs, tools) gets a cached typecheck. */
export function typecheckTarget(root: string): TargetConfiguration {
  return {
    executor: 'nx:run-commands',
    cache: true,
    inputs: ['default', '^production'],
    outputs: [],
    options: { command: `tsc -p ${root}/tsconfig.json` },
    metadata: { description: 'Type-check sources and tests (tests run transpile-only).' },
  };
}
