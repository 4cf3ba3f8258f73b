import type { FigmaTypeStyle } from './figma-nodes';

/** A Figma TypeStyle in CSS terms; only what differs from the CSS default is kept. */
export interface SimpleTextStyle {
  fontFamily?: string;
  fontWeight?: number;
  fontSize?: number;
  fontStyle?: 'italic';
  /** `24px`, or `150%` when Figma keeps it relative to the font size; absent for "auto". */
  lineHeight?: string;
  /** Pixels. */
  letterSpacing?: number;
  textAlign?: 'left' | 'right' | 'center' | 'justify';
  verticalAlign?: 'top' | 'center' | 'bottom';
  textTransform?: 'uppercase' | 'lowercase' | 'capitalize' | 'small-caps';
  textDecoration?: 'underline' | 'line-through';
  paragraphSpacing?: number;
  maxLines?: number;
}

const round = (value: number) => Number(value.toFixed(2));

const TEXT_ALIGN: Record<string, SimpleTextStyle['textAlign']> = {
  LEFT: 'left',
  RIGHT: 'right',
  CENTER: 'center',
  JUSTIFIED: 'justify',
};
const VERTICAL_ALIGN: Record<string, SimpleTextStyle['verticalAlign']> = { CENTER: 'center', BOTTOM: 'bottom' };
const TEXT_CASE: Record<string, SimpleTextStyle['textTransform']> = {
  UPPER: 'uppercase',
  LOWER: 'lowercase',
  TITLE: 'capitalize',
  SMALL_CAPS: 'small-caps',
  SMALL_CAPS_FORCED: 'small-caps',
};
const DECORATION: Record<string, SimpleTextStyle['textDecoration']> = { UNDERLINE: 'underline', STRIKETHROUGH: 'line-through' };

export function simplifyTextStyle(style: FigmaTypeStyle | undefined): SimpleTextStyle | undefined {
  if (!style) return undefined;
  const result: SimpleTextStyle = {
    fontFamily: style.fontFamily,
    fontWeight: style.fontWeight,
    fontSize: style.fontSize,
    fontStyle: style.italic ? 'italic' : undefined,
    lineHeight: lineHeight(style),
    letterSpacing: style.letterSpacing ? round(style.letterSpacing) : undefined,
    textAlign: style.textAlignHorizontal && style.textAlignHorizontal !== 'LEFT' ? TEXT_ALIGN[style.textAlignHorizontal] : undefined,
    verticalAlign: style.textAlignVertical ? VERTICAL_ALIGN[style.textAlignVertical] : undefined,
    textTransform: style.textCase ? TEXT_CASE[style.textCase] : undefined,
    textDecoration: style.textDecoration ? DECORATION[style.textDecoration] : undefined,
    paragraphSpacing: style.paragraphSpacing || undefined,
    maxLines: style.maxLines ?? undefined,
  };
  return withoutUndefined(result);
}

function lineHeight(style: FigmaTypeStyle): string | undefined {
  // INTRINSIC_% is Figma's "auto": the font's own line height, which CSS `normal` already is.
  if (style.lineHeightUnit === 'INTRINSIC_%') return undefined;
  if (style.lineHeightUnit === 'FONT_SIZE_%' && style.lineHeightPercentFontSize !== undefined) {
    return `${round(style.lineHeightPercentFontSize)}%`;
  }
  return style.lineHeightPx !== undefined ? `${round(style.lineHeightPx)}px` : undefined;
}

/** A copy without undefined fields, so JSON and equality comparisons see only what is set. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
