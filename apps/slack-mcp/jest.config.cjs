module.exports = {
  displayName: 'slack-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
