// Jest transformer for node_modules: compiles ES modules to CommonJS with esbuild and
// passes CommonJS through, except for dynamic import(). Which files are ESM is decided the
// way Node decides it (.mjs, or .js under a package.json with "type": "module"), so no
// list of ESM-only packages has to be kept. Jest caches the output per file.
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { transformSync } = require('esbuild');

const typeByDir = new Map();

function packageType(dir) {
  if (typeByDir.has(dir)) return typeByDir.get(dir);
  const manifest = join(dir, 'package.json');
  let type;
  if (existsSync(manifest)) {
    type = JSON.parse(readFileSync(manifest, 'utf8')).type ?? 'commonjs';
  } else {
    const parent = dirname(dir);
    type = parent === dir ? 'commonjs' : packageType(parent);
  }
  typeByDir.set(dir, type);
  return type;
}

function isEsm(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  return packageType(dirname(filename)) === 'module';
}

// Jest's CommonJS mode cannot run import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG without
// --experimental-vm-modules); CommonJS builds such as PGlite's load Node built-ins that way.
// A require() behind a promise does the same job here.
const DYNAMIC_IMPORT = /(?<![\w.$])import\(/g;
const REQUIRE_AS_IMPORT =
  'var __requireAsImport = (specifier) => Promise.resolve().then(() => require(specifier));\n';

module.exports = {
  process(source, filename) {
    if (!isEsm(filename)) {
      return source.includes('import(')
        ? { code: REQUIRE_AS_IMPORT + source.replace(DYNAMIC_IMPORT, '__requireAsImport(') }
        : { code: source };
    }
    const { code, map } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'external',
      // import.meta has no CommonJS twin; give the common use (import.meta.url) a real value.
      define: { 'import.meta.url': '__esmImportMetaUrl' },
      banner: "var __esmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      logLevel: 'silent',
    });
    return { code, map };
  },
};
