// Public API of @sophia/mcp-manifest: read by mcp-base at start and by the Nx plugin.
export { serverManifestSchema, parseServerManifest } from './server-manifest';
export type { ServerManifest, EnvEntry } from './server-manifest';
export {
  configurationGap,
  documentedDefault,
  escEnvNames,
  needsConfiguration,
  requiredEnvNames,
  secretEnvNames,
} from './env-declaration';
export type { ConfigurationGap } from './env-declaration';
export { fleetProblems, nextFreePort, PLANNED_PORTS, PORT_RANGE } from './fleet-rules';
export type { ManifestEntry } from './fleet-rules';
