import { listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { fileSystem, fileSystemOutput, type LambdaFileSystem } from '../shapes';

export const listFileSystems = defineLambdaLabsTool({
  name: 'list_file_systems',
  toolset: 'account',
  title: 'List file systems',
  description:
    "The account's persistent file systems: name, region, mount point, whether an instance uses it, bytes used. " +
    'A file system can only be attached to an instance in its own region.',
  input: z.object({
    region: z.string().min(1).optional().describe('Only this region, e.g. us-east-1.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: listPageOutput(fileSystemOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ region, cursor, limit }, ctx) => {
    const fileSystems = (await ctx.api.list<LambdaFileSystem>('/file-systems')).map(fileSystem);
    return pageOfList(region ? fileSystems.filter((item) => item.region === region) : fileSystems, cursor, limit);
  },
});
