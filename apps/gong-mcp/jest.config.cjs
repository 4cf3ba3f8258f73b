module.exports = {
  displayName: 'gong-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
