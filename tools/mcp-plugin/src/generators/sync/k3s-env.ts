import { escEnvNames, type ServerManifest } from '@sophia/mcp-manifest';

/**
 * Placeholder names in k3s/base and k3s/components: the overlay's namePrefix (`<app>` minus "mcp")
 * turns `mcp` into `<app>`, and kustomize follows every reference to them (name-references.yaml).
 */
export const BASE = {
  object: 'mcp',
  secret: 'mcp-env',
  optionalSecret: 'mcp-env-optional',
  claim: 'mcp-data',
  middleware: 'mcp-strip-prefix',
} as const;

export interface EscKeys {
  /** Fail the sync (and keep the pod from starting) when missing from Pulumi ESC. */
  required: string[];
  /** Left out of the Secret when missing; the pod reads them with `optional: true`. */
  optional: string[];
}

/** The manifest's variables delivered from Pulumi ESC, split by whether the server can start without them. */
export function escKeys(manifest: ServerManifest): EscKeys {
  const delivered = escEnvNames(manifest);
  return {
    required: delivered.filter((name) => manifest.env[name]?.required),
    optional: delivered.filter((name) => !manifest.env[name]?.required),
  };
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef: { name: string; key: string; optional?: boolean } };
}

/** The container env beyond the base's: every ESC-delivered variable from its Secret, and the storage path. */
export function containerEnv(manifest: ServerManifest): EnvVar[] {
  const { required, optional } = escKeys(manifest);
  const fromSecret = (name: string, key: string, isOptional: boolean): EnvVar => ({
    name: key,
    valueFrom: { secretKeyRef: isOptional ? { name, key, optional: true } : { name, key } },
  });
  const storage = manifest.deployment.storage;
  return [
    ...required.map((key) => fromSecret(BASE.secret, key, false)),
    ...optional.map((key) => fromSecret(BASE.optionalSecret, key, true)),
    ...(storage ? [{ name: storage.env, value: storage.value }] : []),
  ];
}

/**
 * The ESO template (engine v2, KeysAndValues) of the optional Secret: each key only when ESC has it.
 * `index` yields "" for an absent key where `.KEY` fails under missingkey=error; toJson quotes the
 * value as a YAML-safe string (multi-line PEM keys included).
 */
export function optionalSecretTemplate(keys: readonly string[]): string {
  return keys.map((key) => `{{- with index . "${key}" }}\n${key}: {{ toJson . }}\n{{- end }}`).join('\n');
}
