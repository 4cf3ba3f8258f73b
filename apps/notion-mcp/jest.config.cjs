module.exports = {
  displayName: 'notion-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
