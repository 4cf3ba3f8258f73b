// The real image end to end (buildah, skopeo, docker-registry; installed by .ci/run).
module.exports = {
  displayName: 'delivery-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
  testTimeout: 600000,
};
