module.exports = {
  displayName: 'mcp-manifest',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
