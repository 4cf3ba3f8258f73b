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

/**
 * What every server reads about its clients (libs/mcp-base README, "Clients"), each optional: named
 * bearer tokens and per-client limits. ESC holds them fleet-wide, or per server as `<APP>__<KEY>`
 * (`GITHUB_MCP__MCP_CLIENT_RATE_LIMIT`), which wins. MCP_AUDIT_LOG stays stdout in the cluster.
 */
export const CLIENT_KEYS = ['MCP_AUTH_TOKENS', 'MCP_CLIENT_RATE_LIMIT', 'MCP_AUDIT_LEVEL'] as const;

/** The ESC key that sets a client key for one server only: `GITHUB_MCP__MCP_AUTH_TOKENS`. */
export const perServerKey = (app: string, key: string) => `${app.toUpperCase().replaceAll('-', '_')}__${key}`;

/** The manifest's variables delivered from Pulumi ESC, split by whether the server can start without them. */
export function escKeys(manifest: ServerManifest): EscKeys {
  const delivered = escEnvNames(manifest);
  return {
    required: delivered.filter((name) => manifest.env[name]?.required),
    optional: [...delivered.filter((name) => !manifest.env[name]?.required), ...CLIENT_KEYS],
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
export function optionalSecretTemplate(app: string, keys: readonly string[]): string {
  const lookup = (key: string) =>
    (CLIENT_KEYS as readonly string[]).includes(key) ? `index . "${perServerKey(app, key)}" | default (index . "${key}")` : `index . "${key}"`;
  return keys.map((key) => `{{- with ${lookup(key)} }}\n${key}: {{ toJson . }}\n{{- end }}`).join('\n');
}
