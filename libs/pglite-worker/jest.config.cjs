module.exports = {
  displayName: 'pglite-worker',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
