import { escSourceFromEnv, readEscEnvironmentVariables } from './pulumi-esc';

export interface ResolvedEnvironment {
  env: Record<string, string | undefined>;
  /** Set when ESC was configured but could not be read; the server starts "not ready". */
  escError?: string;
  /** `org/project/env` when values came from ESC. */
  escEnvironment?: string;
}

/** Process env, under it the Pulumi ESC environment when configured: explicit env always wins. */
export async function resolveEnvironment(processEnv: Record<string, string | undefined>): Promise<ResolvedEnvironment> {
  const source = escSourceFromEnv(processEnv);
  if (!source) return { env: { ...processEnv } };
  try {
    const fromEsc = await readEscEnvironmentVariables(source);
    return { env: { ...fromEsc, ...definedOnly(processEnv) }, escEnvironment: source.environment };
  } catch (error) {
    return { env: { ...processEnv }, escError: (error as Error).message, escEnvironment: source.environment };
  }
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
