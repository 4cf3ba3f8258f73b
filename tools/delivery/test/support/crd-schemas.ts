import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import type { K8sObject } from './render';
import { WORKSPACE_ROOT } from './workspace';

/** tools/delivery/crds/<source>@<version>/<crd>.yaml, vendored by tools/delivery/crds/vendor.mjs. */
export const CRDS = join(WORKSPACE_ROOT, 'tools', 'delivery', 'crds');

/** The vendored upstream versions, e.g. { 'external-secrets': 'v2.9.0' }. */
export function vendoredVersions(): Record<string, string> {
  const dirs = readdirSync(CRDS, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return Object.fromEntries(dirs.map(({ name }) => name.split('@') as [string, string]));
}

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema };

/**
 * A CRD's openAPIV3Schema as the API server applies it to `kubectl apply --server-side`: unknown
 * fields are rejected (strict field validation, kubectl's default since 1.27) unless the schema
 * preserves them, and int-or-string accepts either. CEL rules (x-kubernetes-validations) are not run.
 */
function asApplied(schema: Schema): Schema {
  const out: Schema = { ...schema };
  if (out['x-kubernetes-int-or-string']) {
    delete out['type'];
    out['anyOf'] = [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([key, value]) => [key, asApplied(value)]));
    if (out['additionalProperties'] === undefined && !out['x-kubernetes-preserve-unknown-fields']) out['additionalProperties'] = false;
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    if (out[key] && typeof out[key] === 'object') out[key] = asApplied(out[key] as Schema);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) out[key] = (schema[key] as Schema[]).map(asApplied);
  }
  return out;
}

interface Crd {
  spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; schema: { openAPIV3Schema: Schema } }[] };
}

/** CRD patterns are Go (RE2) regular expressions: their (?i) is JavaScript's i flag. */
const goRegExp = Object.assign(
  (pattern: string, flags: string) => (pattern.includes('(?i)') ? new RegExp(pattern.replaceAll('(?i)', ''), `${flags}i`) : new RegExp(pattern, flags)),
  { code: 'goRegExp' },
);

/** Every served version of every vendored CRD, by "<group>/<version> <kind>", not yet compiled. */
function loadSchemas(): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const dir of readdirSync(CRDS, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(join(CRDS, dir.name)).filter((name) => name.endsWith('.yaml'))) {
      const crd = parse(readFileSync(join(CRDS, dir.name, file), 'utf8')) as Crd;
      for (const version of crd.spec.versions.filter((candidate) => candidate.served)) {
        schemas.set(`${crd.spec.group}/${version.name} ${crd.spec.names.kind}`, version.schema.openAPIV3Schema);
      }
    }
  }
  return schemas;
}

// strict off: the schemas carry Kubernetes' x-kubernetes-* keywords; formats (int64, byte) are not checked.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, code: { regExp: goRegExp } });
let schemas: Map<string, Schema> | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * Problems of a custom resource against the vendored CRD of its apiVersion and kind; undefined
 * when no vendored CRD serves that apiVersion and kind. Each schema is compiled when first needed.
 */
export function crdProblems(object: K8sObject): string[] | undefined {
  const key = `${object.apiVersion} ${object.kind}`;
  schemas ??= loadSchemas();
  const schema = schemas.get(key);
  if (!schema) return undefined;
  const validate = validators.get(key) ?? ajv.compile(asApplied(schema));
  validators.set(key, validate);
  if (validate(object)) return [];
  return (validate.errors ?? []).map((error) =>
    `${error.instancePath || '/'} ${error.message}${error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : ''}`,
  );
}
