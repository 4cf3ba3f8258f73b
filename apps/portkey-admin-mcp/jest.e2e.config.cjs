// End-to-end specs: run the built bundle as a process (the e2e target builds it first).
module.exports = {
  displayName: 'portkey-admin-mcp-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
};
