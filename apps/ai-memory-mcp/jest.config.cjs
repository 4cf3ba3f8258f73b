module.exports = {
  displayName: 'ai-memory-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
