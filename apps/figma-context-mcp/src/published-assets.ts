import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import type { PublishedAsset } from './figma-responses';

/** Descriptions are capped one by one so a single long one cannot crowd out the list. */
const DESCRIPTION_MAX_CHARS = 1_000;

export const publishedAssetSchema = z.object({
  key: z.string(),
  nodeId: z.string(),
  name: z.string(),
  description: z.string(),
  page: z.string().nullable(),
  frame: z.string().nullable(),
  updatedAt: z.string(),
});

/** A published component, component set or style as the tools return it. */
export function compactPublished(asset: PublishedAsset): z.infer<typeof publishedAssetSchema> {
  return {
    key: asset.key,
    nodeId: asset.node_id,
    name: asset.name,
    description: capText(asset.description ?? '', DESCRIPTION_MAX_CHARS),
    page: asset.containing_frame?.pageName ?? null,
    frame: asset.containing_frame?.name ?? null,
    updatedAt: asset.updated_at,
  };
}
