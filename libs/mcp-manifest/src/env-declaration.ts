import type { ServerManifest } from './server-manifest';

type Env = Record<string, string | undefined>;

const isSet = (env: Env, name: string) => Boolean(env[name]?.trim());
const names = (manifest: ServerManifest, keep: (entry: ServerManifest['env'][string]) => boolean) =>
  Object.entries(manifest.env)
    .filter(([, entry]) => keep(entry))
    .map(([name]) => name);

/** Variables whose values are scrubbed by value from logs and tool results. */
export const secretEnvNames = (manifest: ServerManifest) => names(manifest, (entry) => entry.secret);

/** Variables that must be set for readiness, besides one complete credential alternative. */
export const requiredEnvNames = (manifest: ServerManifest) => names(manifest, (entry) => entry.required);

/** Variables delivered from Pulumi ESC in the cluster: secrets, required ones and per-tenant (esc) ones. */
export const escEnvNames = (manifest: ServerManifest) =>
  names(manifest, (entry) => entry.secret || entry.required || entry.esc);

/** The documented default of a variable; the upstream URL's is `upstream.defaultUrl`. */
export function documentedDefault(manifest: ServerManifest, name: string): string | undefined {
  if (manifest.upstream?.urlEnv === name) return manifest.upstream.defaultUrl;
  return manifest.env[name]?.default;
}

/** True when the server cannot be ready with an empty environment. */
export const needsConfiguration = (manifest: ServerManifest) =>
  requiredEnvNames(manifest).length > 0 || manifest.credentials.length > 0;

export interface ConfigurationGap {
  /** Every unset variable that would help: required ones, then those of each incomplete alternative. */
  missing: string[];
  /** What to set, for people: "A, and B and C (key pair), or D (token)". */
  need: string;
}

/** What keeps `env` from configuring the server, or undefined when it is configured. */
export function configurationGap(manifest: ServerManifest, env: Env): ConfigurationGap | undefined {
  const required = requiredEnvNames(manifest).filter((name) => !isSet(env, name));
  const alternatives = manifest.credentials;
  const credentialsMet = alternatives.length === 0 || alternatives.some((group) => group.env.every((name) => isSet(env, name)));
  if (required.length === 0 && credentialsMet) return undefined;

  const fromAlternatives = credentialsMet
    ? []
    : alternatives.flatMap((group) => group.env.filter((name) => !isSet(env, name)));
  const missing = [...new Set([...required, ...fromAlternatives])];
  const parts = required.length ? [required.join(', ')] : [];
  if (!credentialsMet) {
    const options = alternatives.map((group) => `${group.env.join(' and ')} (${group.name})`).join(', or ');
    parts.push(alternatives.length > 1 ? `one of: ${options}` : options);
  }
  return { missing, need: parts.join('; and ') };
}
