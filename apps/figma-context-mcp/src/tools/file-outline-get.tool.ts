import { z } from 'zod';
import { defineFigmaContextTool } from '../context';
import type { FigmaNode } from '../design/figma-nodes';
import { filePath } from '../figma-api';
import type { FileResponse } from '../figma-responses';
import { resolveTarget } from '../figma-url';
import { fileInput } from '../inputs';

/** Top-level frames listed per page at most; a page with more says how many it left out. */
const MAX_FRAMES_PER_PAGE = 200;

const frameSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), width: z.number().optional(), height: z.number().optional() });

export const fileOutlineOutput = z.object({
  file: z.object({ key: z.string(), name: z.string(), lastModified: z.string(), version: z.string(), editorType: z.string().nullable() }),
  pages: z.array(
    z.object({ id: z.string(), name: z.string(), frames: z.array(frameSchema), framesOmitted: z.number().optional() }),
  ),
});

export const getFileOutline = defineFigmaContextTool({
  name: 'get_file_outline',
  toolset: 'design',
  title: 'Get the outline of a file',
  description:
    'The map of a Figma file: its pages and, per page, the top-level frames, components and sections with their node ids ' +
    `and sizes (hidden layers left out; up to ${MAX_FRAMES_PER_PAGE} per page). Start here when you have a file but no node: ` +
    'then call get_design_context or render_nodes with one of the ids. Reads only two levels of the file, so it is cheap.',
  input: z.object({ file: fileInput() }),
  output: fileOutlineOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { fileKey } = resolveTarget(input.file);
    const body = await ctx.figma.get<FileResponse>(filePath(fileKey), { query: { depth: 2 }, scope: 'file_content:read', expect: 'document' });
    return {
      file: { key: fileKey, name: body.name, lastModified: body.lastModified, version: body.version, editorType: body.editorType ?? null },
      pages: (body.document.children ?? []).filter(visible).map(page),
    };
  },
});

const visible = (node: FigmaNode) => node.visible !== false;

function page(node: FigmaNode) {
  const frames = (node.children ?? []).filter(visible);
  const listed = frames.slice(0, MAX_FRAMES_PER_PAGE).map((frame) => {
    const box = frame.absoluteBoundingBox;
    return { id: frame.id, name: frame.name ?? '', type: frame.type, ...(box ? { width: Math.round(box.width), height: Math.round(box.height) } : {}) };
  });
  const omitted = frames.length - listed.length;
  return { id: node.id, name: node.name ?? '', frames: listed, ...(omitted > 0 ? { framesOmitted: omitted } : {}) };
}
