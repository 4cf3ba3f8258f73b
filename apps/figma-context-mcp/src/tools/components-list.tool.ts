import { listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineFigmaContextTool } from '../context';
import { filePath } from '../figma-api';
import type { PublishedAsset } from '../figma-responses';
import { resolveTarget } from '../figma-url';
import { fileInput } from '../inputs';
import { compactPublished, publishedAssetSchema } from '../published-assets';

export const listComponentsOutput = listPageOutput(
  publishedAssetSchema.extend({ kind: z.enum(['component', 'component_set']), set: z.string().nullable() }),
);

export const listComponents = defineFigmaContextTool({
  name: 'list_components',
  toolset: 'library',
  title: 'List published components',
  description:
    'The components and component sets (variant groups) a Figma library file publishes: key, node id, name, description, ' +
    'page and frame, and for a variant the set it belongs to. Component sets come first. Only published ones: the ' +
    'components used in a design are in get_design_context\'s `components` table. kind narrows to one of the two. ' +
    'Paged: limit per page (default 50) and nextCursor.',
  input: z.object({
    file: fileInput(),
    kind: z.enum(['all', 'component', 'component_set']).default('all').describe('Which to list (default all).'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: listComponentsOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { fileKey } = resolveTarget(input.file);
    const read = (path: string, list: 'components' | 'component_sets') =>
      ctx.figma
        .get<{ meta: Record<string, PublishedAsset[] | undefined> }>(filePath(fileKey, path), { scope: 'library_content:read', expect: 'meta' })
        .then((body) => body.meta[list] ?? []);
    const [sets, components] = await Promise.all([
      input.kind === 'component' ? [] : read('/component_sets', 'component_sets'),
      input.kind === 'component_set' ? [] : read('/components', 'components'),
    ]);
    const items = [
      ...sets.map((asset) => ({ kind: 'component_set' as const, ...compactPublished(asset), set: null })),
      ...components.map((asset) => ({
        kind: 'component' as const,
        ...compactPublished(asset),
        set: asset.containing_frame?.containingComponentSet?.name ?? null,
      })),
    ];
    return pageOfList(items, input.cursor, input.limit);
  },
});
