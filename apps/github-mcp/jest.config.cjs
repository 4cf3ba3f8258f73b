module.exports = {
  displayName: 'github-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
