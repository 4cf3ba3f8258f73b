import type { FigmaEffect, FigmaPaint, Rgba } from './figma-nodes';

/**
 * Figma paints and effects as values a code generator can use directly: CSS colours
 * (`#rrggbb`, or `rgba()` when translucent), gradients as stops, images by reference,
 * shadows as CSS `box-shadow` text. Invisible paints and effects are dropped.
 */

const channel = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 255);
const round = (value: number, places = 2) => Number(value.toFixed(places));

/** `#rrggbb` when opaque, else `rgba(r, g, b, a)`; `opacity` multiplies the colour's own alpha. */
export function cssColor(color: Rgba, opacity = 1): string {
  const alpha = round((color.a ?? 1) * opacity);
  const [r, g, b] = [channel(color.r), channel(color.g), channel(color.b)];
  if (alpha >= 1) return `#${[r, g, b].map((value) => value.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export type SimplePaint =
  | string
  | { color: string; variableId: string }
  | { gradient: string; stops: Array<{ color: string; position: number }> }
  | { image: string; scaleMode: string }
  | { type: string };

const GRADIENTS: Record<string, string> = {
  GRADIENT_LINEAR: 'linear',
  GRADIENT_RADIAL: 'radial',
  GRADIENT_ANGULAR: 'angular',
  GRADIENT_DIAMOND: 'diamond',
};

export function simplifyPaint(paint: FigmaPaint): SimplePaint {
  const opacity = paint.opacity ?? 1;
  if (paint.type === 'SOLID' && paint.color) {
    const color = cssColor(paint.color, opacity);
    return paint.boundVariables?.color ? { color, variableId: paint.boundVariables.color.id } : color;
  }
  const gradient = GRADIENTS[paint.type];
  if (gradient) {
    const stops = (paint.gradientStops ?? []).map((stop) => ({ color: cssColor(stop.color, opacity), position: round(stop.position) }));
    return { gradient, stops };
  }
  if (paint.type === 'IMAGE' && paint.imageRef) return { image: paint.imageRef, scaleMode: (paint.scaleMode ?? 'FILL').toLowerCase() };
  return { type: paint.type.toLowerCase() };
}

/** The visible paints of a fill or stroke list, simplified; undefined when none is visible. */
export function simplifyPaints(paints: FigmaPaint[] | undefined): SimplePaint[] | undefined {
  const visible = (paints ?? []).filter((paint) => paint.visible !== false);
  return visible.length ? visible.map(simplifyPaint) : undefined;
}

export interface SimpleEffects {
  /** CSS box-shadow value (drop and inner shadows, in Figma's order). */
  boxShadow?: string;
  /** CSS filter: blur(Npx) of the layer itself. */
  blur?: number;
  /** CSS backdrop-filter: blur(Npx). */
  backdropBlur?: number;
}

export function simplifyEffects(effects: FigmaEffect[] | undefined): SimpleEffects | undefined {
  const visible = (effects ?? []).filter((effect) => effect.visible !== false);
  if (!visible.length) return undefined;
  const result: SimpleEffects = {};
  const shadows = visible.filter((effect) => effect.type === 'DROP_SHADOW' || effect.type === 'INNER_SHADOW').map(boxShadow);
  if (shadows.length) result.boxShadow = shadows.join(', ');
  const blur = visible.find((effect) => effect.type === 'LAYER_BLUR');
  if (blur) result.blur = round(blur.radius ?? 0);
  const backdrop = visible.find((effect) => effect.type === 'BACKGROUND_BLUR');
  if (backdrop) result.backdropBlur = round(backdrop.radius ?? 0);
  return Object.keys(result).length ? result : undefined;
}

function boxShadow(effect: FigmaEffect): string {
  const inset = effect.type === 'INNER_SHADOW' ? 'inset ' : '';
  const { x, y } = effect.offset ?? { x: 0, y: 0 };
  const color = effect.color ? cssColor(effect.color) : 'rgba(0, 0, 0, 0.25)';
  return `${inset}${round(x)}px ${round(y)}px ${round(effect.radius ?? 0)}px ${round(effect.spread ?? 0)}px ${color}`;
}
