module.exports = {
  displayName: 'openrouter-search-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
