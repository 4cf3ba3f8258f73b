module.exports = {
  displayName: 'mcp-plugin',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
