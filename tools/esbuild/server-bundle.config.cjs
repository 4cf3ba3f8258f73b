// esbuild options shared by every server bundle (one self-contained ESM file).
// CommonJS dependencies bundled into ESM (express, pino) call require() for Node
// built-ins; the banner gives the bundle a real require so that works.
module.exports = {
  banner: {
    js: [
      "import { createRequire as __sophiaCreateRequire } from 'node:module';",
      'const require = __sophiaCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  outExtension: { '.js': '.js' },
  legalComments: 'none',
};
