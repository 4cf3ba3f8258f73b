import type { FigmaNode } from './figma-nodes';
import { withoutUndefined } from './text-style';

/** An auto-layout frame in flexbox terms. */
export interface SimpleLayout {
  mode: 'row' | 'column' | 'grid';
  wrap?: true;
  /** Space between children (CSS gap) on the main axis. */
  gap?: number;
  /** Space between wrapped rows (CSS row-gap), only with wrap. */
  wrapGap?: number;
  /** `top right bottom left` in pixels, or one number when all four are equal. */
  padding?: number | string;
  justifyContent?: 'center' | 'flex-end' | 'space-between';
  alignItems?: 'center' | 'flex-end' | 'baseline';
}

/** How a node is sized and placed: Figma's sizing modes, its box, and absolute placement. */
export interface SimpleBox {
  width?: number;
  height?: number;
  /** `fill` = stretch in the parent's auto-layout (flex: 1 / align-self: stretch), `hug` = fit content. */
  sizing?: { horizontal?: 'fixed' | 'hug' | 'fill'; vertical?: 'fixed' | 'hug' | 'fill' };
  /** Position relative to the parent: only for children outside an auto-layout flow. */
  x?: number;
  y?: number;
  minWidth?: number;
  maxWidth?: number;
  minHeight?: number;
  maxHeight?: number;
}

const round = (value: number) => Math.round(value * 100) / 100;
const JUSTIFY: Record<string, SimpleLayout['justifyContent']> = { CENTER: 'center', MAX: 'flex-end', SPACE_BETWEEN: 'space-between' };
const ALIGN: Record<string, SimpleLayout['alignItems']> = { CENTER: 'center', MAX: 'flex-end', BASELINE: 'baseline' };
const MODES: Record<string, SimpleLayout['mode']> = { HORIZONTAL: 'row', VERTICAL: 'column', GRID: 'grid' };

/** The node's auto-layout, undefined when it does not use one. */
export function simplifyLayout(node: FigmaNode): SimpleLayout | undefined {
  const mode = node.layoutMode ? MODES[node.layoutMode] : undefined;
  if (!mode) return undefined;
  const wrap = node.layoutWrap === 'WRAP';
  return withoutUndefined({
    mode,
    wrap: wrap ? (true as const) : undefined,
    gap: node.itemSpacing || undefined,
    wrapGap: wrap && node.counterAxisSpacing ? node.counterAxisSpacing : undefined,
    padding: padding(node),
    // MIN is the flexbox default (flex-start / stretch-free start): left out.
    justifyContent: node.primaryAxisAlignItems ? JUSTIFY[node.primaryAxisAlignItems] : undefined,
    alignItems: node.counterAxisAlignItems ? ALIGN[node.counterAxisAlignItems] : undefined,
  });
}

function padding(node: FigmaNode): number | string | undefined {
  const sides = [node.paddingTop, node.paddingRight, node.paddingBottom, node.paddingLeft].map((side) => side ?? 0);
  if (sides.every((side) => side === 0)) return undefined;
  return sides.every((side) => side === sides[0]) ? sides[0] : sides.join(' ');
}

const SIZING = { FIXED: 'fixed', HUG: 'hug', FILL: 'fill' } as const;

/**
 * Size, sizing modes and (outside an auto-layout flow) position relative to the parent.
 * `parent` is the node's parent, or undefined for a root of the answer.
 */
export function simplifyBox(node: FigmaNode, parent: FigmaNode | undefined): SimpleBox | undefined {
  const box = node.absoluteBoundingBox;
  const inFlow = parent?.layoutMode && parent.layoutMode !== 'NONE' && node.layoutPositioning !== 'ABSOLUTE';
  const parentBox = parent?.absoluteBoundingBox;
  const placed = parent !== undefined && !inFlow && box && parentBox;
  const sizing = withoutUndefined({
    horizontal: node.layoutSizingHorizontal ? SIZING[node.layoutSizingHorizontal] : undefined,
    vertical: node.layoutSizingVertical ? SIZING[node.layoutSizingVertical] : undefined,
  });
  const result = withoutUndefined({
    width: box ? round(box.width) : undefined,
    height: box ? round(box.height) : undefined,
    sizing: Object.keys(sizing).length ? sizing : undefined,
    x: placed ? round(box.x - parentBox.x) : undefined,
    y: placed ? round(box.y - parentBox.y) : undefined,
    minWidth: node.minWidth ?? undefined,
    maxWidth: node.maxWidth ?? undefined,
    minHeight: node.minHeight ?? undefined,
    maxHeight: node.maxHeight ?? undefined,
  });
  return Object.keys(result).length ? result : undefined;
}
