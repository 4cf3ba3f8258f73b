module.exports = {
  displayName: 'bench',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The smoke spec runs the real benchmark briefly (esbuild, child servers, load).
  testTimeout: 60000,
};
