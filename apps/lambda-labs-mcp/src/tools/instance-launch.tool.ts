import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { LambdaError } from '../lambda-errors';
import { instanceTypes, type InstanceType, type LambdaInstanceTypes } from '../shapes';

const NO_CAPACITY = 'instance-operations/launch/insufficient-capacity';

export const launchInstance = defineLambdaLabsTool({
  name: 'launch_instance',
  toolset: 'instances',
  title: 'Launch one instance (costs money)',
  description:
    'Launches ONE Lambda Cloud instance, billed per hour from now until terminate_instance. Refused unless the type ' +
    "costs at most the server's LAMBDA_MAX_HOURLY_USD cap (and always while no cap is set), and when the region has no " +
    'capacity (the error names the regions that have it). Exactly one SSH key, by name (list_ssh_keys). Sent once, never ' +
    'retried; Lambda allows about one launch per 12 s, so launches wait their turn. Check get_instance until active.',
  input: z.object({
    instanceType: z.string().trim().min(1).describe('Instance type name, e.g. gpu_1x_a10 (list_instance_types, find_cheapest_available).'),
    region: z.string().trim().min(1).describe('Region with capacity for the type now, e.g. us-east-1.'),
    sshKeyName: z.string().trim().min(1).describe('Name of the one SSH key to install (list_ssh_keys).'),
    name: z.string().max(64).optional().describe('Name shown in the dashboard (64 characters at most).'),
    fileSystemName: z.string().min(1).optional().describe('A file system in the same region to mount (list_file_systems).'),
  }),
  output: z.object({
    instanceIds: z.array(z.string()),
    instanceType: z.string(),
    region: z.string(),
    pricePerHourUsd: z.number(),
    maxHourlyUsd: z.number(),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: async ({ instanceType, region, sshKeyName, name, fileSystemName }, ctx) => {
    const cap = ctx.maxHourlyUsd;
    if (cap === undefined) {
      throw ToolError.notConfigured(
        'launch_instance',
        'LAMBDA_MAX_HOURLY_USD',
        'It is the highest price in USD per hour a launch may cost (e.g. 2.50); without it every launch is refused.',
      );
    }
    const types = instanceTypes(await ctx.api.get<LambdaInstanceTypes>('/instance-types'));
    const type = types.find((candidate) => candidate.name === instanceType);
    if (!type) {
      const known = types.slice(0, 8).map((candidate) => candidate.name).join(', ');
      throw ToolError.invalidInput(`instanceType "${instanceType}" is not a Lambda Cloud instance type (e.g. ${known}); list_instance_types lists them all.`);
    }
    if (type.pricePerHourUsd > cap) {
      throw new ToolError(
        'forbidden',
        `${type.name} costs $${type.pricePerHourUsd}/h, above the LAMBDA_MAX_HOURLY_USD cap of $${cap}/h: nothing was launched. ` +
          `Pick a cheaper type (find_cheapest_available with maxHourlyUsd ${cap}) or ask the operator to raise the cap.`,
      );
    }
    if (!type.regionsWithCapacity.includes(region)) throw noCapacity(type, region);

    const body = {
      region_name: region,
      instance_type_name: type.name,
      ssh_key_names: [sshKeyName],
      file_system_names: fileSystemName ? [fileSystemName] : [],
      quantity: 1,
      ...(name === undefined ? {} : { name }),
    };
    try {
      const { instance_ids: instanceIds } = await ctx.api.operation<{ instance_ids?: string[] }>('/instance-operations/launch', body);
      return { instanceIds: instanceIds ?? [], instanceType: type.name, region, pricePerHourUsd: type.pricePerHourUsd, maxHourlyUsd: cap };
    } catch (error) {
      // Capacity can go between our look and the launch: answer with the regions that had it a moment ago.
      if (error instanceof LambdaError && error.code === NO_CAPACITY) throw noCapacity(type, region);
      throw error;
    }
  },
});

function noCapacity(type: InstanceType, region: string): ToolError {
  const elsewhere = type.regionsWithCapacity.filter((candidate) => candidate !== region);
  const where = elsewhere.length
    ? `Regions with capacity for it now: ${elsewhere.join(', ')}.`
    : 'No region has capacity for it now: try another type (find_cheapest_available) or later.';
  return new ToolError('conflict', `Lambda Cloud has no capacity for ${type.name} in ${region} right now; nothing was launched. ${where}`);
}
