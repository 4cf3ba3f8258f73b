module.exports = {
  displayName: 'portkey-admin-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
