module.exports = {
  displayName: 'mcp-base',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
