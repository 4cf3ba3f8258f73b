module.exports = {
  displayName: 'asana-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
