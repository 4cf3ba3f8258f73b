import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineFigmaContextTool } from '../context';
import { fitDesign } from '../design/fit-budget';
import { filePath } from '../figma-api';
import type { FileResponse, NodesResponse } from '../figma-responses';
import { resolveTarget } from '../figma-url';
import { fileInput, nodeIdInput } from '../inputs';

/** Largest simplified tree returned (JSON bytes); deeper levels are cut to fit, with advice. */
export const DESIGN_MAX_BYTES = 100_000;
const NODE_DEFAULT_DEPTH = 6;
const FILE_DEFAULT_DEPTH = 3;

const nodeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  children: z.array(z.unknown()).optional(),
  childrenOmitted: z.number().optional(),
});

export const designContextOutput = z.object({
  file: z.object({ key: z.string(), name: z.string(), lastModified: z.string(), version: z.string() }),
  nodeId: z.string().nullable(),
  depth: z.number(),
  truncated: z.string().optional(),
  nodes: z.array(nodeSchema),
  styles: z.record(z.string(), z.object({ kind: z.string(), name: z.string().optional(), value: z.unknown() })),
  components: z.record(z.string(), z.object({ name: z.string(), key: z.string().optional(), description: z.string().optional(), set: z.string().optional() })),
});

export const getDesignContext = defineFigmaContextTool({
  name: 'get_design_context',
  toolset: 'design',
  title: 'Get design context for code',
  description:
    'The design of a Figma node (frame, component, section) as a compact tree for writing code: per node its id, name, ' +
    'type, text, box (size, fill/hug/fixed sizing, position outside auto-layout), auto-layout as flexbox (row/column, ' +
    'gap, padding, justify/align, wrap), corner radius, opacity, and ids into a de-duplicated `styles` table (fills, ' +
    'strokes, text styles in CSS terms, shadows/blurs; named Figma styles keep their names); instances point at ' +
    '`components` with their property values. Invisible layers are left out; icons (groups of vector shapes only) come ' +
    'as vector: true without their paths. Pass the URL of the selection (its node-id) ' +
    'or a nodeId; without one, the whole file from its pages down. The tree stops at `depth` (nodes there report ' +
    `childrenOmitted), and answers over ${DESIGN_MAX_BYTES / 1000} kB are cut to fewer levels with a note: then ask again ` +
    'with the id of a node that has childrenOmitted. Images: render_nodes (vectors as SVG), get_image_fills (image refs).',
  input: z.object({
    file: fileInput(),
    nodeId: nodeIdInput('The node to describe (with its children).'),
    depth: z
      .number()
      .int()
      .min(0)
      .max(12)
      .optional()
      .describe('Levels of children to include below the node (default 6; 3 below the pages of a whole file; 0 = the node alone).'),
  }),
  output: designContextOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { fileKey, nodeId } = resolveTarget(input.file, input.nodeId);
    // A whole file is read from Figma in one answer: start shallower there (Starter files get few requests).
    const depth = input.depth ?? (nodeId ? NODE_DEFAULT_DEPTH : FILE_DEFAULT_DEPTH);
    // One level more than returned, so the nodes at the edge can say how many children they hide.
    if (nodeId) {
      const body = await ctx.figma.get<NodesResponse>(filePath(fileKey, '/nodes'), {
        query: { ids: nodeId, depth: depth + 1 },
        scope: 'file_content:read',
        expect: 'nodes',
      });
      const entry = body.nodes[nodeId];
      if (!entry?.document) {
        throw ToolError.notFound(`Node ${nodeId} is not in Figma file ${fileKey}: get_file_outline lists its pages and frames with their ids.`);
      }
      const design = fitDesign([entry.document], entry, { maxDepth: depth, maxBytes: DESIGN_MAX_BYTES });
      return { file: fileOf(fileKey, body), nodeId, ...design };
    }
    // From the document: pages are the roots, so Figma's depth counts one level more.
    const body = await ctx.figma.get<FileResponse>(filePath(fileKey), {
      query: { depth: depth + 2 },
      scope: 'file_content:read',
      expect: 'document',
    });
    const design = fitDesign(body.document.children ?? [], body, { maxDepth: depth, maxBytes: DESIGN_MAX_BYTES });
    return { file: fileOf(fileKey, body), nodeId: null, ...design };
  },
});

const fileOf = (key: string, body: { name: string; lastModified: string; version: string }) => ({
  key,
  name: body.name,
  lastModified: body.lastModified,
  version: body.version,
});
