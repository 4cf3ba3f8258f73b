import { converter, parse, type Color } from 'culori';
import { hex } from './color-input';
import { nearestPassingColor } from './fix-contrast';
import { tonalScale } from './palette';
import { contrastRatio, roundRatio } from './wcag';

const toOklch = converter('oklch');
const toRgb = converter('rgb');

export interface TokenInput {
  primary: Color;
  secondary?: Color;
  baseFontSizePx: number;
  typeScaleRatio: number;
  spacingBasePx: number;
  radius: 'none' | 'small' | 'medium' | 'large';
}

export type ColorRoles = Record<string, string>;

export interface DesignTokens {
  color: { light: ColorRoles; dark: ColorRoles };
  fontSize: Record<string, { px: number; rem: number; lineHeight: number }>;
  spacing: Record<string, number>;
  radius: Record<string, number>;
}

/** Text/background pairs each theme must keep readable, and the ratio each needs (WCAG AA). */
const READABLE_PAIRS: Array<[foreground: string, background: string, ratio: number]> = [
  ['text', 'background', 4.5],
  ['text', 'surface', 4.5],
  ['text-muted', 'surface', 4.5],
  ['on-primary', 'primary', 4.5],
  ['on-secondary', 'secondary', 4.5],
  ['on-danger', 'danger', 4.5],
  ['primary', 'background', 3],
  ['border-strong', 'background', 3],
];

const stepOf = (color: Color, step: number) => tonalScale(color).find((s) => s.step === step)?.hex ?? hex(color);
const hue = (color: Color) => toOklch(color).h ?? 0;
const fromHue = (h: number, c: number): Color => ({ mode: 'oklch', l: 0.6, c, h });

/** Moves `color` (same hue) until it meets `ratio` against `against`; kept when it already does. */
function readable(color: string, against: string, ratio: number): string {
  return nearestPassingColor(parse(color) as Color, parse(against) as Color, ratio)?.color ?? color;
}

/**
 * Colour roles for a light and a dark theme from the brand colours: neutrals tinted with the primary
 * hue, accents from the tonal scale, then every text pair nudged (same hue) until it meets WCAG AA.
 */
export function colorRoles(input: TokenInput): { light: ColorRoles; dark: ColorRoles } {
  const neutral = fromHue(hue(input.primary), 0.015);
  const secondary = input.secondary ?? fromHue(hue(input.primary) + 150, toOklch(input.primary).c ?? 0.1);
  const danger = fromHue(27, 0.2);
  const success = fromHue(150, 0.15);
  const warning = fromHue(75, 0.16);
  const theme = (dark: boolean): ColorRoles => {
    const pick = (color: Color, lightStep: number, darkStep: number) => stepOf(color, dark ? darkStep : lightStep);
    const roles: ColorRoles = {
      background: dark ? stepOf(neutral, 950) : '#ffffff',
      surface: pick(neutral, 50, 900),
      text: pick(neutral, 950, 50),
      'text-muted': pick(neutral, 600, 400),
      border: pick(neutral, 200, 800),
      'border-strong': pick(neutral, 500, 500),
      primary: pick(input.primary, 600, 400),
      'on-primary': dark ? stepOf(neutral, 950) : '#ffffff',
      secondary: pick(secondary, 600, 400),
      'on-secondary': dark ? stepOf(neutral, 950) : '#ffffff',
      danger: pick(danger, 600, 400),
      'on-danger': dark ? stepOf(neutral, 950) : '#ffffff',
      success: pick(success, 700, 400),
      warning: pick(warning, 500, 400),
      'focus-ring': pick(input.primary, 500, 300),
    };
    for (const [foreground, background, ratio] of READABLE_PAIRS) {
      // Accents move, never the page background or the text on an accent: the accent is what may shift.
      if (foreground.startsWith('on-')) roles[background] = readable(roles[background] as string, roles[foreground] as string, ratio);
      else roles[foreground] = readable(roles[foreground] as string, roles[background] as string, ratio);
    }
    return roles;
  };
  return { light: theme(false), dark: theme(true) };
}

export interface ContrastCheck {
  theme: 'light' | 'dark';
  foreground: string;
  background: string;
  ratio: number;
  required: number;
  passes: boolean;
}

export function contrastChecks(color: DesignTokens['color']): ContrastCheck[] {
  return (['light', 'dark'] as const).flatMap((theme) =>
    READABLE_PAIRS.map(([foreground, background, required]) => {
      const ratio = contrastRatio(color[theme][foreground] as string, color[theme][background] as string);
      return { theme, foreground, background, ratio: roundRatio(ratio), required, passes: ratio >= required };
    }),
  );
}

const TYPE_STEPS: Record<string, number> = { xs: -2, sm: -1, base: 0, lg: 1, xl: 2, '2xl': 3, '3xl': 4, '4xl': 5 };
const SPACING_STEPS = [0, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24];
const RADII = { none: [0, 0, 0], small: [2, 4, 6], medium: [4, 8, 12], large: [8, 12, 20] } as const;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

export function buildDesignTokens(input: TokenInput): DesignTokens {
  const fontSize = Object.fromEntries(
    Object.entries(TYPE_STEPS).map(([name, power]) => {
      const px = round(input.baseFontSizePx * input.typeScaleRatio ** power, 2);
      // Body sizes breathe more; headings sit tighter.
      return [name, { px, rem: round(px / 16), lineHeight: power <= 0 ? 1.5 : power <= 2 ? 1.35 : 1.2 }];
    }),
  );
  const spacing = Object.fromEntries(SPACING_STEPS.map((step) => [String(step).replace('.', '_'), round(step * input.spacingBasePx, 2)]));
  const [sm, md, lg] = RADII[input.radius];
  return { color: colorRoles(input), fontSize, spacing, radius: { none: 0, sm, md, lg, full: 9999 } };
}

/** sRGB components for the W3C format's colour value. */
export function srgbComponents(value: string): [number, number, number] {
  const rgb = toRgb(parse(value) as Color);
  return [round(rgb.r, 4), round(rgb.g, 4), round(rgb.b, 4)];
}
