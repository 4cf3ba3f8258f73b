// Jest transformer for PGlite's CommonJS build, which loads Node built-ins (fs, zlib, module)
// with `await import(...)`. Jest runs CommonJS without --experimental-vm-modules, where a
// dynamic import throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG; a require() behind a
// promise does the same job. Tests only: the esbuild bundle runs PGlite's ESM build natively.
module.exports = {
  process(source) {
    return {
      code:
        'var __requireAsImport = (specifier) => Promise.resolve().then(() => require(specifier));\n' +
        source.replace(/(?<![\w.$])import\(/g, '__requireAsImport('),
    };
  },
};
