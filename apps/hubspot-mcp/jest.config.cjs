module.exports = {
  displayName: 'hubspot-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
