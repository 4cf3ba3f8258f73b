module.exports = {
  displayName: 'postgres-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
