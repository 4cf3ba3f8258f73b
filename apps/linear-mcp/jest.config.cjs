module.exports = {
  displayName: 'linear-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
