// The shared server bundle options, plus __dirname for bundled CommonJS code that finds files next
// to itself: libpg-query's WASM loader reads libpg-query.wasm from `__dirname`, which an ESM bundle
// lacks; here it is the bundle's directory, where project.json copies the .wasm.
// A build configuration extending the workspace's, not a module the app imports:
// eslint-disable-next-line @nx/enforce-module-boundaries
const shared = require('../../tools/esbuild/server-bundle.config.cjs');

module.exports = { ...shared, define: { ...shared.define, __dirname: 'import.meta.dirname' } };
