module.exports = {
  displayName: 'codacy-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
