module.exports = {
  displayName: 'figma-context-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
