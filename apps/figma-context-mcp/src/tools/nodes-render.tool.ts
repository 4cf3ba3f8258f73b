import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineFigmaContextTool } from '../context';
import { normalizeNodeId, resolveTarget } from '../figma-url';
import { fileInput } from '../inputs';

const MAX_NODES = 50;

export const renderNodesOutput = z.object({
  fileKey: z.string(),
  format: z.enum(['png', 'jpg', 'svg', 'pdf']),
  scale: z.number().nullable(),
  images: z.array(z.object({ nodeId: z.string(), url: z.string().nullable() })),
  note: z.string(),
});

export const renderNodes = defineFigmaContextTool({
  name: 'render_nodes',
  toolset: 'assets',
  title: 'Render nodes as images',
  description:
    `Renders up to ${MAX_NODES} nodes of a Figma file as PNG, JPG, SVG or PDF and returns a download URL per node (Figma ` +
    'hosts them for 30 days; nothing is written to disk here). Use SVG for icons and vectors, PNG at scale 2 for bitmaps ' +
    'and previews. A null url means Figma had nothing to render for that node (hidden, empty or unknown id). ' +
    'Node ids come from nodeIds, else from the node-id of the URL passed as file.',
  input: z.object({
    file: fileInput(),
    nodeIds: z.array(z.string().min(1).max(200)).max(MAX_NODES).optional().describe('Node ids (1:2 or 1-2) to render; default: the node-id of the URL.'),
    format: z.enum(['png', 'jpg', 'svg', 'pdf']).default('png').describe('Image format (default png).'),
    scale: z.number().min(0.01).max(4).default(2).describe('Scale factor 0.01-4 for png/jpg (default 2); ignored for svg/pdf.'),
  }),
  output: renderNodesOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const target = resolveTarget(input.file);
    const ids = input.nodeIds?.length ? [...new Set(input.nodeIds.map(normalizeNodeId))] : target.nodeId ? [target.nodeId] : [];
    if (!ids.length) throw ToolError.invalidInput('render_nodes needs nodeIds, or a URL with a node-id: get_file_outline lists the ids.');
    const bitmap = input.format === 'png' || input.format === 'jpg';
    const body = await ctx.figma.get<{ images: Record<string, string | null> }>(`images/${encodeURIComponent(target.fileKey)}`, {
      query: { ids: ids.join(','), format: input.format, scale: bitmap ? input.scale : undefined },
      scope: 'file_content:read',
      expect: 'images',
    });
    return {
      fileKey: target.fileKey,
      format: input.format,
      scale: bitmap ? input.scale : null,
      images: ids.map((nodeId) => ({ nodeId, url: body.images[nodeId] ?? null })),
      note: 'URLs expire after 30 days. Figma scales renders over 32 megapixels down.',
    };
  },
});
