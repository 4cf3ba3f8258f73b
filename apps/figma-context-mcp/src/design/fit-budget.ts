import { ToolError } from '@sophia/mcp-base';
import type { FigmaDocumentParts, FigmaNode } from './figma-nodes';
import { simplifyDesign, type DesignContext } from './simplify';

export interface FittedDesign extends DesignContext {
  /** The depth actually returned (lower than asked when the answer had to shrink to fit). */
  depth: number;
  /** Present when the tree was cut to fit the size budget: what happened and how to narrow. */
  truncated?: string;
}

/**
 * The simplified design at the asked depth, or at the deepest depth whose JSON fits in
 * `maxBytes`. Cutting whole levels keeps every node returned complete, and the nodes at the
 * edge say how many children they hide (`childrenOmitted`), so the caller can ask for one of
 * them by id.
 */
export function fitDesign(
  roots: FigmaNode[],
  parts: FigmaDocumentParts,
  options: { maxDepth: number; maxBytes: number; maxTextChars?: number },
): FittedDesign {
  for (let depth = options.maxDepth; depth >= 0; depth--) {
    const design = simplifyDesign(roots, parts, { maxDepth: depth, maxTextChars: options.maxTextChars });
    const bytes = Buffer.byteLength(JSON.stringify(design));
    if (bytes <= options.maxBytes) {
      if (depth === options.maxDepth) return { ...design, depth };
      return {
        ...design,
        depth,
        truncated:
          `The tree at depth ${options.maxDepth} exceeds ${options.maxBytes} bytes, so it stops at depth ${depth}. ` +
          'Nodes with childrenOmitted hide children: call get_design_context again with one of their ids as nodeId.',
      };
    }
  }
  throw ToolError.invalidInput(
    `The selected nodes alone exceed ${options.maxBytes} bytes even without children: ask for one node id at a time (get_file_outline lists them).`,
  );
}
