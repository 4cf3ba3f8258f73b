import { listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { image, imageOutput, type LambdaImage } from '../shapes';

export const listImages = defineLambdaLabsTool({
  name: 'list_images',
  toolset: 'catalog',
  title: 'List machine images',
  description:
    'Machine images instances can boot from (id, name, family, version, architecture, region). Without one, ' +
    'Lambda launches the latest Lambda Stack image.',
  input: z.object({
    region: z.string().min(1).optional().describe('Only images in this region, e.g. us-east-1.'),
    family: z.string().min(1).optional().describe('Only this image family, e.g. lambda-stack-22-04.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: listPageOutput(imageOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ region, family, cursor, limit }, ctx) => {
    const images = (await ctx.api.list<LambdaImage>('/images'))
      .map(image)
      .filter((item) => (!region || item.region === region) && (!family || item.family === family));
    return pageOfList(images, cursor, limit);
  },
});
