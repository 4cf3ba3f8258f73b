import { HttpResponse, routesUnder, toolCaller } from '@sophia/mcp-testing';
import { lambdaLabsApp } from '../src/app';

/** The fake Lambda Cloud API base URL tests point LAMBDA_API_URL at (with Lambda's own /api/v1 prefix). */
export const API_URL = 'https://cloud.lambda.fake/api/v1';

export const API_KEY = 'secret_lambda-test_0000000000000000';

/** Environment of a configured server against the fake; short retry waits keep tests fast. */
export const configuredEnv = {
  LAMBDA_API_KEY: API_KEY,
  LAMBDA_API_URL: API_URL,
  MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500',
  MCP_UPSTREAM_RETRY_DELAY_MS: '10',
};

/** The same server with the write tools served (they are destructive: off by default) and a $2/h launch cap. */
export const writeEnv = { ...configuredEnv, MCP_ALLOW_DESTRUCTIVE: 'true', LAMBDA_MAX_HOURLY_USD: '2.00' };

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(lambdaLabsApp, configuredEnv);

/** One fake Lambda Cloud endpoint (path relative to API_URL) that records what it received. */
export const route = routesUnder(API_URL);

/** Lambda's success envelope: `{ data }`. */
export const lambdaData = (data: unknown) => HttpResponse.json({ data });

/** Lambda's error envelope: `{ error: { code, message, suggestion? } }`. */
export function lambdaError(status: number, code: string, message: string, options: { suggestion?: string; headers?: Record<string, string> } = {}) {
  const error = { code, message, ...(options.suggestion ? { suggestion: options.suggestion } : {}) };
  return HttpResponse.json({ error }, { status, headers: options.headers });
}

const region = (name: string, description: string) => ({ name, description });
export const US_EAST = region('us-east-1', 'Virginia, USA');
export const US_WEST = region('us-west-1', 'California, USA');
export const EU_CENTRAL = region('europe-central-1', 'Germany');

function instanceType(name: string, gpuDescription: string, cents: number, gpus: number) {
  return {
    name,
    description: `${gpus}x ${gpuDescription}`,
    gpu_description: gpuDescription,
    price_cents_per_hour: cents,
    specs: { vcpus: 30 * gpus, memory_gib: 200 * gpus, storage_gib: 1400 * gpus, gpus },
  };
}

/** GET /instance-types as documented: a map from type name to the type and the regions with capacity now. */
export const INSTANCE_TYPES = {
  gpu_8x_h100_sxm5: { instance_type: instanceType('gpu_8x_h100_sxm5', 'H100 (80 GB SXM5)', 2392, 8), regions_with_capacity_available: [US_WEST] },
  gpu_1x_a10: { instance_type: instanceType('gpu_1x_a10', 'A10 (24 GB PCIe)', 75, 1), regions_with_capacity_available: [US_EAST, US_WEST] },
  gpu_1x_h100_pcie: { instance_type: instanceType('gpu_1x_h100_pcie', 'H100 (80 GB PCIe)', 249, 1), regions_with_capacity_available: [] },
  gpu_1x_a100_sxm4: { instance_type: instanceType('gpu_1x_a100_sxm4', 'A100 (40 GB SXM4)', 129, 1), regions_with_capacity_available: [EU_CENTRAL, US_WEST] },
  gpu_2x_a100: { instance_type: instanceType('gpu_2x_a100', 'A100 (40 GB PCIe)', 258, 2), regions_with_capacity_available: [US_EAST] },
};

/** A documented Instance, Jupyter token and URL included (the server must never pass them on). */
export function lambdaInstance(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `train-${id}`,
    ip: '198.51.100.2',
    private_ip: '10.0.2.100',
    status: 'active',
    ssh_key_names: ['laptop'],
    file_system_names: [],
    region: US_EAST,
    instance_type: instanceType('gpu_1x_a10', 'A10 (24 GB PCIe)', 75, 1),
    hostname: '198-51-100-2.cloud.lambda.ai',
    jupyter_token: 'jupyter-token-0000000000000000',
    jupyter_url: 'https://jupyter-abc.lambdaspaces.com/?token=jupyter-token-0000000000000000',
    is_reserved: false,
    ...overrides,
  };
}
