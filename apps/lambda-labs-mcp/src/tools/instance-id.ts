import { z } from 'zod';

/** The `instanceId` input of the tools that act on one instance. */
export const instanceId = z.string().trim().min(1).describe('Instance id, e.g. 0920582c7ff041399e34823a0be62549 (from list_instances).');
