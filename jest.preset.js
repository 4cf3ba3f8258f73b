// Shared Jest preset. Settles ESM once for every project: our TypeScript goes through
// ts-jest (transpile only; `nx run <project>:typecheck` checks types), and ES modules in
// node_modules (Octokit, msw's dependencies, ky, ...) are compiled to CommonJS by
// tools/jest/esm-to-cjs.cjs, so Jest runs in its ordinary CommonJS mode everywhere.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['**/?(*.)+(spec|test).ts'],
  transform: {
    '/node_modules/.+\\.[cm]?js$': require.resolve('./tools/jest/esm-to-cjs.cjs'),
    '^.+\\.ts$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: require.resolve('./tools/jest/tsconfig.jest.json'),
      },
    ],
  },
  transformIgnorePatterns: [],
  reporters: ['default', require.resolve('./tools/jest/summary-reporter.cjs')],
  testTimeout: 20000,
};
