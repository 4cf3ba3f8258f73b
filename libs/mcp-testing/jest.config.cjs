module.exports = {
  displayName: 'mcp-testing',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
