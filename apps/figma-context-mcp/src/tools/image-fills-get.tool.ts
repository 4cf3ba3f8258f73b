import { listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineFigmaContextTool } from '../context';
import { filePath } from '../figma-api';
import { resolveTarget } from '../figma-url';
import { fileInput } from '../inputs';

export const imageFillsOutput = listPageOutput(z.object({ imageRef: z.string(), url: z.string() }));

export const getImageFills = defineFigmaContextTool({
  name: 'get_image_fills',
  toolset: 'assets',
  title: 'Get image fill URLs',
  description:
    'Download URLs of the images (photos, bitmaps) placed in a Figma file, keyed by the imageRef that get_design_context ' +
    'shows in fills as { image: <imageRef> }. URLs expire after at most 14 days; nothing is written to disk here. ' +
    'Paged: limit per page (default 50) and nextCursor.',
  input: z.object({ file: fileInput(), ...pageInput({ defaultLimit: 50 }) }),
  output: imageFillsOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { fileKey } = resolveTarget(input.file);
    const body = await ctx.figma.get<{ meta: { images?: Record<string, string> } }>(filePath(fileKey, '/images'), {
      scope: 'file_content:read',
      expect: 'meta',
    });
    const all = Object.entries(body.meta.images ?? {}).map(([imageRef, url]) => ({ imageRef, url }));
    return pageOfList(all, input.cursor, input.limit);
  },
});
