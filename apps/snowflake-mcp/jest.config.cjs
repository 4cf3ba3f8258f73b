module.exports = {
  displayName: 'snowflake-mcp',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
