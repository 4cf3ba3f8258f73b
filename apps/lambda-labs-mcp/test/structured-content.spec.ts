import { describeStructuredContent, useFakeUpstream, type RequestHandler } from '@sophia/mcp-testing';
import { lambdaLabsApp } from '../src/app';
import { INSTANCE_TYPES, US_EAST, lambdaData, lambdaInstance, route, writeEnv } from './fake-upstream';

/** One documented answer per endpoint, and one call per tool: every tool of the server is here. */
const handlers: RequestHandler[] = [
  route('get', '/instance-types', () => lambdaData(INSTANCE_TYPES)).handler,
  route('get', '/instances', () => lambdaData([lambdaInstance('i-1')])).handler,
  route('get', '/instances/i-1', () => lambdaData(lambdaInstance('i-1'))).handler,
  route('get', '/ssh-keys', () => lambdaData([{ id: 'k-1', name: 'laptop', public_key: 'ssh-ed25519 AAAAC3Nza me@laptop' }])).handler,
  route('get', '/file-systems', () => lambdaData([{ id: 'fs-1', name: 'data', mount_point: '/lambda/nfs/data', created: '2026-10-01T12:00:00Z', is_in_use: false, bytes_used: 0, region: US_EAST }])).handler,
  route('get', '/images', () => lambdaData([{ id: 'img-1', name: 'lambda-stack-22-04', family: 'lambda-stack-22-04', version: '22.04.3', architecture: 'x86_64', region: US_EAST }])).handler,
  route('post', '/instance-operations/launch', () => lambdaData({ instance_ids: ['i-2'] })).handler,
  route('post', '/instance-operations/restart', () => lambdaData({ restarted_instances: [lambdaInstance('i-1')] })).handler,
  route('post', '/instance-operations/terminate', () => lambdaData({ terminated_instances: [lambdaInstance('i-1', { status: 'terminating' })] })).handler,
];

const calls: Record<string, Record<string, unknown>> = {
  list_instance_types: {},
  find_cheapest_available: { gpuModel: 'A100' },
  list_images: {},
  list_instances: {},
  get_instance: { instanceId: 'i-1' },
  launch_instance: { instanceType: 'gpu_1x_a10', region: 'us-east-1', sshKeyName: 'laptop' },
  restart_instance: { instanceId: 'i-1' },
  terminate_instance: { instanceId: 'i-1' },
  list_ssh_keys: {},
  list_file_systems: {},
};

describe('structured content', () => {
  const fake = useFakeUpstream();
  beforeEach(() => fake.use(...handlers));

  describeStructuredContent({ app: lambdaLabsApp, env: writeEnv, calls });
});
