import { capText } from '@sophia/mcp-base';
import type { FigmaDocumentParts, FigmaNode } from './figma-nodes';
import { simplifyBox, simplifyLayout, type SimpleBox, type SimpleLayout } from './layout';
import { simplifyEffects, simplifyPaints } from './paints';
import { StyleTable, type StyleEntry, type StyleKind } from './style-table';
import { simplifyTextStyle, withoutUndefined } from './text-style';

/** One node of the simplified tree: what a code generator needs, nothing Figma-internal. */
export interface SimpleNode {
  id: string;
  name: string;
  type: string;
  text?: string;
  box?: SimpleBox;
  layout?: SimpleLayout;
  /** Ids into the style table. */
  fills?: string;
  strokes?: string;
  strokeWeight?: number;
  effects?: string;
  textStyle?: string;
  /** Corner radius in px, or `[topLeft, topRight, bottomRight, bottomLeft]`. */
  radius?: number | number[];
  opacity?: number;
  /** For instances: the component id (key into `components`) and the instance's property values. */
  componentId?: string;
  props?: Record<string, string | boolean>;
  children?: SimpleNode[];
  /** Visible children left out because of the depth limit: ask again with this node's id. */
  childrenOmitted?: number;
  /** A group of vector shapes only (an icon, a logo): its paths are left out; render it as SVG. */
  vector?: true;
}

export interface SimpleComponent {
  name: string;
  key?: string;
  description?: string;
  /** Name of the component set (the variant group) it belongs to. */
  set?: string;
}

export interface DesignContext {
  nodes: SimpleNode[];
  styles: Record<string, StyleEntry>;
  components: Record<string, SimpleComponent>;
}

export interface SimplifyOptions {
  /** Levels of children below each root (0 = the roots alone). */
  maxDepth: number;
  /** Longest text content kept per node (a marker says how much was cut). */
  maxTextChars?: number;
}

const DEFAULT_MAX_TEXT_CHARS = 2_000;

/**
 * Figma's node JSON → a compact tree for code generation. Invisible nodes (and invisible
 * paints and effects) are dropped, styles are de-duplicated into one table referenced by id,
 * instances point at their component, and the tree stops at `maxDepth` saying what it left out.
 */
export function simplifyDesign(roots: FigmaNode[], parts: FigmaDocumentParts, options: SimplifyOptions): DesignContext {
  const walker = new Walker(parts, options);
  const nodes = roots.flatMap((root) => walker.node(root, undefined, 0) ?? []);
  return { nodes, styles: walker.styles.entries, components: walker.components };
}

class Walker {
  readonly styles = new StyleTable();
  readonly components: Record<string, SimpleComponent> = {};

  constructor(
    private readonly parts: FigmaDocumentParts,
    private readonly options: SimplifyOptions,
  ) {}

  node(node: FigmaNode, parent: FigmaNode | undefined, depth: number): SimpleNode | undefined {
    if (node.visible === false) return undefined;
    const result: SimpleNode = { id: node.id, name: node.name ?? '', type: node.type };
    if (node.characters !== undefined) result.text = capText(node.characters, this.options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS);
    const box = simplifyBox(node, parent);
    if (box) result.box = box;
    const layout = simplifyLayout(node);
    if (layout) result.layout = layout;
    this.appearance(node, result);
    this.component(node, result);
    const children = (node.children ?? []).filter((child) => child.visible !== false);
    if (children.length && isVectorArt(node)) {
      result.vector = true;
    } else if (children.length && depth < this.options.maxDepth) {
      result.children = children.flatMap((child) => this.node(child, node, depth + 1) ?? []);
    } else if (children.length) {
      result.childrenOmitted = children.length;
    }
    return result;
  }

  private appearance(node: FigmaNode, result: SimpleNode): void {
    const fills = simplifyPaints(node.fills);
    if (fills) result.fills = this.ref('fill', fills, node);
    const strokes = simplifyPaints(node.strokes);
    if (strokes) {
      result.strokes = this.ref('stroke', strokes, node);
      if (node.strokeWeight !== undefined) result.strokeWeight = node.strokeWeight;
    }
    const effects = simplifyEffects(node.effects);
    if (effects) result.effects = this.ref('effect', effects, node);
    const textStyle = node.type === 'TEXT' ? simplifyTextStyle(node.style) : undefined;
    if (textStyle) result.textStyle = this.ref('text', textStyle, node);
    if (node.rectangleCornerRadii && new Set(node.rectangleCornerRadii).size > 1) result.radius = node.rectangleCornerRadii;
    else if (node.cornerRadius) result.radius = node.cornerRadius;
    if (node.opacity !== undefined && node.opacity < 1) result.opacity = Math.round(node.opacity * 100) / 100;
  }

  /** A table id for the value, named after the Figma style the node uses for that kind, if any. */
  private ref(kind: StyleKind, value: unknown, node: FigmaNode): string {
    const styleId = node.styles?.[kind];
    const name = styleId ? this.parts.styles?.[styleId]?.name : undefined;
    return this.styles.ref(kind, value, name);
  }

  private component(node: FigmaNode, result: SimpleNode): void {
    if (node.type !== 'INSTANCE' || !node.componentId) return;
    result.componentId = node.componentId;
    const props = Object.entries(node.componentProperties ?? {});
    // Figma suffixes non-variant property names with "#<id>"; the name alone is what code uses.
    if (props.length) result.props = Object.fromEntries(props.map(([name, prop]) => [name.replace(/#[^#]*$/, ''), prop.value]));
    if (this.components[node.componentId]) return;
    const meta = this.parts.components?.[node.componentId];
    const set = meta?.componentSetId ? this.parts.componentSets?.[meta.componentSetId]?.name : undefined;
    this.components[node.componentId] = meta
      ? withoutUndefined({ name: meta.name, key: meta.key, description: meta.description || undefined, set })
      : { name: node.name ?? node.componentId };
  }
}

/** Shapes that only make sense as drawn paths; a tree of nothing else is art to export, not layout to code. */
const VECTOR_TYPES = new Set(['VECTOR', 'BOOLEAN_OPERATION', 'STAR', 'LINE', 'REGULAR_POLYGON']);

/** True when every visible descendant is a vector shape (an icon or logo), seen as far as the JSON goes. */
function isVectorArt(node: FigmaNode): boolean {
  const children = (node.children ?? []).filter((child) => child.visible !== false);
  return children.every((child) => VECTOR_TYPES.has(child.type) || ((child.type === 'GROUP' || child.type === 'FRAME') && child.children?.length && isVectorArt(child)));
}
