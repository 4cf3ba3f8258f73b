// The shared server bundle options, plus __dirname (the bundle's directory) for @sophia/pglite-worker,
// which starts pglite-worker.js from next to main.js.
// A build configuration extending the workspace's, not a module the app imports:
// eslint-disable-next-line @nx/enforce-module-boundaries
const shared = require('../../tools/esbuild/server-bundle.config.cjs');

module.exports = { ...shared, define: { ...shared.define, __dirname: 'import.meta.dirname' } };
