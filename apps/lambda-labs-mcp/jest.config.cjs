module.exports = {
  displayName: 'lambda-labs-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
