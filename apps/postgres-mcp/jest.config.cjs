module.exports = {
  displayName: 'postgres-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // PGlite's CommonJS build loads Node built-ins with dynamic import(), which Jest's CommonJS
  // mode cannot run: this transformer turns them into require() (the same as ai-memory-mcp's).
  // Jest merges transform with the preset's, ours first.
  transform: {
    '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': '<rootDir>/jest/require-dynamic-imports.cjs',
  },
};
