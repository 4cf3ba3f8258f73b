#!/usr/bin/env node
// Copies CustomResourceDefinitions verbatim out of an upstream git checkout at a release tag, so the
// k3s specs validate against the schemas of the exact version the cluster runs (no network in tests).
//   node tools/delivery/crds/vendor.mjs <checkout> <source> <tag> <file-in-repo> <crd-name>...
// e.g. node tools/delivery/crds/vendor.mjs ~/src/external-secrets external-secrets v2.9.0 \
//        deploy/crds/bundle.yaml externalsecrets.external-secrets.io
// writes tools/delivery/crds/<source>@<tag>/<crd-name>.yaml.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [checkout, source, tag, file, ...names] = process.argv.slice(2);
if (!checkout || !source || !tag || !file || names.length === 0) {
  console.error('usage: vendor.mjs <checkout> <source> <tag> <file-in-repo> <crd-name>...');
  process.exit(2);
}
const text = execFileSync('git', ['-C', checkout, 'show', `${tag}:${file}`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
// Documents split on `---` lines; a CRD is found by its metadata.name line.
const documents = text.split(/^---\s*$/m);
const out = join(dirname(fileURLToPath(import.meta.url)), `${source}@${tag}`);
mkdirSync(out, { recursive: true });
for (const name of names) {
  const found = documents.filter((document) => new RegExp(`^  name: ${name.replaceAll('.', '\\.')}$`, 'm').test(document));
  if (found.length !== 1) throw new Error(`${name}: found ${found.length} documents in ${tag}:${file}`);
  const header = `# Vendored by tools/delivery/crds/vendor.mjs from ${source} ${tag}:${file}; do not edit.\n`;
  writeFileSync(join(out, `${name}.yaml`), header + found[0].replace(/^\n+/, ''));
  console.log(`${source}@${tag}/${name}.yaml`);
}
