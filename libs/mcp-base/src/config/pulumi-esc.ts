import type { EscApi } from '@pulumi/esc-sdk';

export interface EscSource {
  accessToken: string;
  /** `org/project/env`, as in `esc run org/project/env`. */
  environment: string;
  /** PULUMI_BACKEND_URL, for self-hosted Pulumi Cloud. */
  backendUrl?: string;
}

/** Reads ESC settings from env; undefined when ESC is not in use. */
export function escSourceFromEnv(env: Record<string, string | undefined>): EscSource | undefined {
  const accessToken = env['PULUMI_ACCESS_TOKEN']?.trim();
  const environment = env['ESC_ENVIRONMENT']?.trim();
  if (!accessToken || !environment) return undefined;
  return { accessToken, environment, backendUrl: env['PULUMI_BACKEND_URL']?.trim() || undefined };
}

/**
 * Opens the ESC environment and returns its `environmentVariables`, exactly what
 * `esc run` would export. Non-string values are JSON-encoded, as esc does.
 */
export async function readEscEnvironmentVariables(source: EscSource): Promise<Record<string, string>> {
  const parts = source.environment.split('/');
  if (parts.length !== 3 || parts.some((part) => part === '')) {
    throw new Error(`ESC_ENVIRONMENT must be "org/project/env", got "${source.environment}"`);
  }
  const [org, project, name] = parts as [string, string, string];
  const api = await escApi(source);
  let opened;
  try {
    opened = await api.openAndReadEnvironment(org, project, name);
  } catch (error) {
    const status = (error as { response?: { status?: number } }).response?.status;
    const reason = status ? `HTTP ${status}` : (error as Error).message;
    throw new Error(`could not open Pulumi ESC environment ${source.environment}: ${reason}`, { cause: error });
  }
  const variables = (opened?.values as Record<string, unknown> | undefined)?.['environmentVariables'];
  if (!variables || typeof variables !== 'object') return {};
  return Object.fromEntries(
    Object.entries(variables as Record<string, unknown>).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/**
 * The SDK rebuilds PULUMI_BACKEND_URL from its protocol and hostname alone, so a self-hosted
 * backend on its own port (https://pulumi.internal:8443) was called on 443. Its raw client takes
 * the base path as given: the backend's origin, port included, plus the ESC API path.
 */
async function escApi(source: EscSource): Promise<EscApi> {
  // Loaded only when ESC is in use: the SDK and its HTTP stack cost ~20 MB and ~0.5 s at every start otherwise.
  const { Configuration, EscApi, EscRawApi } = await import('@pulumi/esc-sdk');
  const api = new EscApi(new Configuration({ accessToken: source.accessToken }));
  if (source.backendUrl) {
    const basePath = new URL('/api/esc', new URL(source.backendUrl).origin).toString();
    api.rawApi = new EscRawApi(new Configuration({ accessToken: source.accessToken, basePath }));
  }
  return api;
}
