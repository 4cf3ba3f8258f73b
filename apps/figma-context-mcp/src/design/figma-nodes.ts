/**
 * The parts of Figma's documented node JSON (REST API v1, `GET /v1/files/:key` and
 * `/nodes`) that the simplifier reads. Everything is optional: node types differ, and
 * older files lack newer fields.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export interface VariableAlias {
  type: 'VARIABLE_ALIAS';
  id: string;
}

export interface FigmaPaint {
  type: string; // SOLID | GRADIENT_LINEAR | GRADIENT_RADIAL | GRADIENT_ANGULAR | GRADIENT_DIAMOND | IMAGE | PATTERN
  visible?: boolean;
  opacity?: number;
  color?: Rgba;
  gradientStops?: Array<{ position: number; color: Rgba }>;
  imageRef?: string;
  scaleMode?: string;
  boundVariables?: { color?: VariableAlias };
}

export interface FigmaEffect {
  type: string; // DROP_SHADOW | INNER_SHADOW | LAYER_BLUR | BACKGROUND_BLUR | …
  visible?: boolean;
  radius?: number;
  color?: Rgba;
  offset?: { x: number; y: number };
  spread?: number;
}

export interface FigmaTypeStyle {
  fontFamily?: string;
  fontStyle?: string;
  fontWeight?: number;
  fontSize?: number;
  italic?: boolean;
  textCase?: string;
  textDecoration?: string;
  textAlignHorizontal?: string;
  textAlignVertical?: string;
  letterSpacing?: number;
  lineHeightPx?: number;
  lineHeightPercentFontSize?: number;
  lineHeightUnit?: 'PIXELS' | 'FONT_SIZE_%' | 'INTRINSIC_%';
  paragraphSpacing?: number;
  textAutoResize?: string;
  maxLines?: number;
}

export interface FigmaBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FigmaNode {
  id: string;
  name?: string;
  type: string;
  visible?: boolean;
  children?: FigmaNode[];
  // geometry
  absoluteBoundingBox?: FigmaBox | null;
  opacity?: number;
  cornerRadius?: number;
  rectangleCornerRadii?: [number, number, number, number];
  clipsContent?: boolean;
  // auto-layout (frames, components, instances)
  layoutMode?: 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'GRID';
  layoutWrap?: 'NO_WRAP' | 'WRAP';
  itemSpacing?: number;
  counterAxisSpacing?: number;
  paddingLeft?: number;
  paddingRight?: number;
  paddingTop?: number;
  paddingBottom?: number;
  primaryAxisAlignItems?: 'MIN' | 'CENTER' | 'MAX' | 'SPACE_BETWEEN';
  counterAxisAlignItems?: 'MIN' | 'CENTER' | 'MAX' | 'BASELINE';
  // how this node sits in its parent's auto-layout
  layoutSizingHorizontal?: 'FIXED' | 'HUG' | 'FILL';
  layoutSizingVertical?: 'FIXED' | 'HUG' | 'FILL';
  layoutPositioning?: 'AUTO' | 'ABSOLUTE';
  minWidth?: number | null;
  maxWidth?: number | null;
  minHeight?: number | null;
  maxHeight?: number | null;
  // appearance
  fills?: FigmaPaint[];
  strokes?: FigmaPaint[];
  strokeWeight?: number;
  strokeAlign?: string;
  effects?: FigmaEffect[];
  /** Style ids applied to this node, by kind (fill, stroke, text, effect, grid). */
  styles?: Record<string, string>;
  // text
  characters?: string;
  style?: FigmaTypeStyle;
  // components
  componentId?: string;
  componentProperties?: Record<string, { type: string; value: string | boolean }>;
}

/** `components` / `componentSets` / `styles` maps that come with a document or a node. */
export interface FigmaComponentMeta {
  key?: string;
  name: string;
  description?: string;
  componentSetId?: string;
}

export interface FigmaStyleMeta {
  key?: string;
  name: string;
  styleType?: string;
  description?: string;
}

export interface FigmaDocumentParts {
  components?: Record<string, FigmaComponentMeta>;
  componentSets?: Record<string, FigmaComponentMeta>;
  styles?: Record<string, FigmaStyleMeta>;
}
