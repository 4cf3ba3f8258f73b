// The shared server bundle options plus two plugins that make jsdom bundleable as one file.
// 1. css-tree (a jsdom dependency) loads its JSON data in its ESM build with createRequire, at run time,
//    from next to its sources; its CommonJS build require()s the same JSON, which esbuild inlines. So
//    every css-tree import resolves to the CommonJS build (Node's own "require" resolution).
// 2. jsdom finds two files next to its own sources at load time, which do not exist next to the bundle:
// - its default stylesheet, read with fs from __dirname: inlined here as a string literal;
// - the worker behind synchronous XMLHttpRequest, located with require.resolve: never started here,
//   because audit_html runs no page scripts (runScripts: 'outside-only'), so the path is left null.
// Each rewrite must match jsdom's source exactly, or the build fails naming the file (a jsdom
// upgrade then needs this plugin checked, instead of a bundle that dies at start).
// A build configuration extending the workspace's, not a module the app imports:
// eslint-disable-next-line @nx/enforce-module-boundaries
const shared = require('../../tools/esbuild/server-bundle.config.cjs');
const fs = require('node:fs');
const path = require('node:path');

const JSDOM_FILE_READS = [
  {
    file: /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]css[\\/]helpers[\\/]computed-style\.js$/,
    from: /fs\.readFileSync\(\s*path\.resolve\(__dirname, "\.\.\/\.\.\/\.\.\/browser\/default-stylesheet\.css"\),\s*\{ encoding: "utf-8" \}\s*\)/,
    to: (dir) => JSON.stringify(fs.readFileSync(path.resolve(dir, '../../../browser/default-stylesheet.css'), 'utf8')),
  },
  {
    file: /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/,
    from: /require\.resolve\("\.\/xhr-sync-worker\.js"\)/,
    to: () => 'null',
  },
];

const inlineJsdomFiles = {
  name: 'inline-jsdom-files',
  setup(build) {
    for (const rewrite of JSDOM_FILE_READS) {
      build.onLoad({ filter: rewrite.file }, async ({ path: file }) => {
        const source = await fs.promises.readFile(file, 'utf8');
        if (!rewrite.from.test(source)) throw new Error(`inline-jsdom-files: ${file} changed; update apps/ui-ux-agent-mcp/esbuild.config.cjs`);
        return { contents: source.replace(rewrite.from, () => rewrite.to(path.dirname(file))), loader: 'js' };
      });
    }
  },
};

const cssTreeAsCommonJs = {
  name: 'css-tree-as-commonjs',
  setup(build) {
    build.onResolve({ filter: /^css-tree(\/|$)/ }, ({ path: request, resolveDir }) => ({
      path: require.resolve(request, { paths: [resolveDir] }),
    }));
  },
};

module.exports = { ...shared, plugins: [...(shared.plugins ?? []), cssTreeAsCommonJs, inlineJsdomFiles] };
