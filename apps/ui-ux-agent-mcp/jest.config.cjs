module.exports = {
  displayName: 'ui-ux-agent-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
