import { capText } from '@sophia/mcp-base';
import { z } from 'zod';

/** Lambda's documented objects, only the fields we read (all optional: Lambda adds and drops fields). */
interface LambdaRegion {
  name?: string;
  description?: string;
}

export interface LambdaInstanceTypeSpec {
  name: string;
  description?: string;
  gpu_description?: string;
  price_cents_per_hour: number;
  specs?: { vcpus?: number; memory_gib?: number; storage_gib?: number; gpus?: number };
}

/** GET /instance-types: `data` maps each type name to the type and the regions that have capacity now. */
export type LambdaInstanceTypes = Record<string, { instance_type: LambdaInstanceTypeSpec; regions_with_capacity_available?: LambdaRegion[] }>;

export interface LambdaInstance {
  id: string;
  name?: string | null;
  status?: string;
  ip?: string | null;
  private_ip?: string | null;
  hostname?: string | null;
  region?: LambdaRegion;
  instance_type?: Partial<LambdaInstanceTypeSpec>;
  ssh_key_names?: string[];
  file_system_names?: string[];
  is_reserved?: boolean;
}

export interface LambdaSshKey {
  id: string;
  name: string;
  public_key?: string;
}

export interface LambdaFileSystem {
  id: string;
  name: string;
  mount_point?: string;
  created?: string;
  is_in_use?: boolean;
  bytes_used?: number;
  region?: LambdaRegion;
}

export interface LambdaImage {
  id: string;
  name?: string;
  description?: string;
  family?: string;
  version?: string;
  architecture?: string;
  created_time?: string;
  region?: LambdaRegion;
}

const usd = (cents: number | undefined) => (typeof cents === 'number' ? Math.round(cents) / 100 : null);

export const instanceTypeOutput = z.object({
  name: z.string(),
  description: z.string().nullable(),
  gpuDescription: z.string().nullable(),
  pricePerHourUsd: z.number(),
  gpus: z.number().nullable(),
  vcpus: z.number().nullable(),
  memoryGib: z.number().nullable(),
  storageGib: z.number().nullable(),
  regionsWithCapacity: z.array(z.string()).describe('Regions that can launch this type right now (empty: sold out everywhere).'),
});
export type InstanceType = z.output<typeof instanceTypeOutput>;

/** Every instance type, cheapest first (then by name, so pages are stable). */
export function instanceTypes(data: LambdaInstanceTypes): InstanceType[] {
  return Object.values(data)
    .map(({ instance_type: type, regions_with_capacity_available: regions }) => ({
      name: type.name,
      description: type.description ?? null,
      gpuDescription: type.gpu_description ?? null,
      pricePerHourUsd: usd(type.price_cents_per_hour) ?? 0,
      gpus: type.specs?.gpus ?? null,
      vcpus: type.specs?.vcpus ?? null,
      memoryGib: type.specs?.memory_gib ?? null,
      storageGib: type.specs?.storage_gib ?? null,
      regionsWithCapacity: (regions ?? []).flatMap((region) => (region.name ? [region.name] : [])),
    }))
    .sort((a, b) => a.pricePerHourUsd - b.pricePerHourUsd || a.name.localeCompare(b.name));
}

export const instanceOutput = z.object({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string().nullable().describe('booting, active, unhealthy, terminating or terminated.'),
  ip: z.string().nullable(),
  privateIp: z.string().nullable(),
  hostname: z.string().nullable(),
  region: z.string().nullable(),
  instanceType: z.string().nullable(),
  gpuDescription: z.string().nullable(),
  pricePerHourUsd: z.number().nullable(),
  sshKeyNames: z.array(z.string()),
  fileSystemNames: z.array(z.string()),
});

/** An instance without its Jupyter token and URL (the URL carries the token): never handed to a model. */
export function instance(raw: LambdaInstance): z.output<typeof instanceOutput> {
  return {
    id: raw.id,
    name: raw.name ?? null,
    status: raw.status ?? null,
    ip: raw.ip ?? null,
    privateIp: raw.private_ip ?? null,
    hostname: raw.hostname ?? null,
    region: raw.region?.name ?? null,
    instanceType: raw.instance_type?.name ?? null,
    gpuDescription: raw.instance_type?.gpu_description ?? null,
    pricePerHourUsd: usd(raw.instance_type?.price_cents_per_hour),
    sshKeyNames: raw.ssh_key_names ?? [],
    fileSystemNames: raw.file_system_names ?? [],
  };
}

/** Public keys and image descriptions are long and say little past their start. */
const LONG_TEXT_CHARS = 200;

export const sshKeyOutput = z.object({ id: z.string(), name: z.string(), publicKey: z.string().nullable() });
export const sshKey = (raw: LambdaSshKey): z.output<typeof sshKeyOutput> => ({
  id: raw.id,
  name: raw.name,
  publicKey: capText(raw.public_key, LONG_TEXT_CHARS),
});

export const fileSystemOutput = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  mountPoint: z.string().nullable(),
  isInUse: z.boolean().nullable(),
  bytesUsed: z.number().nullable(),
  created: z.string().nullable(),
});
export const fileSystem = (raw: LambdaFileSystem): z.output<typeof fileSystemOutput> => ({
  id: raw.id,
  name: raw.name,
  region: raw.region?.name ?? null,
  mountPoint: raw.mount_point ?? null,
  isInUse: raw.is_in_use ?? null,
  bytesUsed: raw.bytes_used ?? null,
  created: raw.created ?? null,
});

export const imageOutput = z.object({
  id: z.string(),
  name: z.string().nullable(),
  family: z.string().nullable(),
  version: z.string().nullable(),
  architecture: z.string().nullable(),
  region: z.string().nullable(),
  description: z.string().nullable(),
});
export const image = (raw: LambdaImage): z.output<typeof imageOutput> => ({
  id: raw.id,
  name: raw.name ?? null,
  family: raw.family ?? null,
  version: raw.version ?? null,
  architecture: raw.architecture ?? null,
  region: raw.region?.name ?? null,
  description: capText(raw.description, LONG_TEXT_CHARS),
});
