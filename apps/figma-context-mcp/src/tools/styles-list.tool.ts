import { listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineFigmaContextTool, type FigmaContextContext } from '../context';
import { filePath } from '../figma-api';
import type { PublishedAsset } from '../figma-responses';
import { compactPublished, publishedAssetSchema } from '../published-assets';
import { resolveTarget } from '../figma-url';
import { fileInput } from '../inputs';

export const styleSchema = publishedAssetSchema.extend({ type: z.string() });

export const listStylesOutput = listPageOutput(styleSchema);

/** The published styles of a file, compact; shared with get_variables' fallback. */
export async function readStyles(ctx: FigmaContextContext, fileKey: string) {
  const body = await ctx.figma.get<{ meta: { styles?: PublishedAsset[] } }>(filePath(fileKey, '/styles'), {
    scope: 'library_content:read',
    expect: 'meta',
  });
  return (body.meta.styles ?? []).map((style) => ({ ...compactPublished(style), type: style.style_type ?? 'UNKNOWN' }));
}

export const listStyles = defineFigmaContextTool({
  name: 'list_styles',
  toolset: 'library',
  title: 'List published styles',
  description:
    'The styles a Figma library file publishes (colour/fill, text, effect and grid styles): key, node id, name, type, ' +
    'description. Use the names as design tokens; get_design_context already shows which style each node uses. Only ' +
    'published styles are listed. type narrows to one kind. Paged: limit per page (default 50) and nextCursor.',
  input: z.object({
    file: fileInput(),
    type: z.enum(['FILL', 'TEXT', 'EFFECT', 'GRID']).optional().describe('Only styles of this type.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: listStylesOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { fileKey } = resolveTarget(input.file);
    const styles = await readStyles(ctx, fileKey);
    return pageOfList(input.type ? styles.filter((style) => style.type === input.type) : styles, input.cursor, input.limit);
  },
});
