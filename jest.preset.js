// Shared Jest preset. Settles ESM once for every project: our TypeScript and the
// ESM-only packages listed below are compiled to CommonJS by ts-jest, so Jest runs
// in its ordinary (non-VM-modules) mode and no app needs its own ESM setup.
const nxPreset = require('@nx/jest/preset').default;

// Packages that ship ESM only. Add a package here when a test fails with
// "SyntaxError: Cannot use import statement outside a module" from node_modules.
const esmOnlyPackages = [
  '@octokit',
  'universal-user-agent',
  'before-after-hook',
  'fast-content-type-parse',
  'json-with-bigint',
  'ky',
];

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['**/?(*.)+(spec|test).ts'],
  transform: {
    '^.+\\.[cm]?[tj]s$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: {
          isolatedModules: true,
          module: 'commonjs',
          moduleResolution: 'node10',
          target: 'es2022',
          allowJs: true,
          esModuleInterop: true,
          resolveJsonModule: true,
          verbatimModuleSyntax: false,
        },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  // Servers under test log through pino; keep test output readable.
  setupFiles: [],
  testTimeout: 20000,
};
