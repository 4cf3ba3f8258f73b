module.exports = {
  displayName: 'delivery',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testPathIgnorePatterns: ['\\.e2e\\.spec\\.ts$'],
  // Renders, scratch workspaces and nx calls: slower than unit specs.
  testTimeout: 120000,
};
