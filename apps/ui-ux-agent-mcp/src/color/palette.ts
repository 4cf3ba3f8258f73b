import { converter, toGamut, type Color, type Oklch } from 'culori';
import { hex } from './color-input';
import { contrastRatio, roundRatio } from './wcag';

const toOklch = converter('oklch');
const intoSrgb = toGamut('rgb', 'oklch');

/** Tailwind-style steps and the OKLCH lightness each aims at (50 lightest, 950 darkest). */
const SCALE_LIGHTNESS: Record<number, number> = {
  50: 0.97, 100: 0.93, 200: 0.87, 300: 0.79, 400: 0.7, 500: 0.61, 600: 0.53, 700: 0.45, 800: 0.38, 900: 0.31, 950: 0.23,
};

const WHITE: Color = { mode: 'rgb', r: 1, g: 1, b: 1 };
const BLACK: Color = { mode: 'rgb', r: 0, g: 0, b: 0 };

/** Same hue, lightness from the table; chroma tapers towards the ends, where sRGB has little room. */
function step(base: Oklch, lightness: number): string {
  const taper = 1 - Math.abs(lightness - 0.6) * 0.9;
  return hex(intoSrgb({ mode: 'oklch', l: lightness, c: (base.c ?? 0) * Math.max(taper, 0.15), h: base.h }));
}

export interface ScaleStep {
  step: number;
  hex: string;
  contrastOnWhite: number;
  contrastOnBlack: number;
}

export function tonalScale(brand: Color): ScaleStep[] {
  const base = toOklch(brand);
  return Object.entries(SCALE_LIGHTNESS).map(([name, lightness]) => {
    const color = step(base, lightness);
    return {
      step: Number(name),
      hex: color,
      contrastOnWhite: roundRatio(contrastRatio(color, WHITE)),
      contrastOnBlack: roundRatio(contrastRatio(color, BLACK)),
    };
  });
}

/** The brand colour turned round the OKLCH hue circle (perceptually even, unlike HSL). */
export function rotateHue(brand: Color, degrees: number): string {
  const base = toOklch(brand);
  return hex(intoSrgb({ ...base, h: (((base.h ?? 0) + degrees) % 360 + 360) % 360 }));
}

export function harmonies(brand: Color) {
  return {
    complementary: [rotateHue(brand, 180)],
    analogous: [rotateHue(brand, -30), rotateHue(brand, 30)],
    triadic: [rotateHue(brand, 120), rotateHue(brand, 240)],
    splitComplementary: [rotateHue(brand, 150), rotateHue(brand, 210)],
  };
}

/** The step closest in lightness to the brand colour itself, so callers know where it sits. */
export function nearestStep(brand: Color): number {
  const l = toOklch(brand).l;
  return Number(
    Object.entries(SCALE_LIGHTNESS).reduce((best, entry) => (Math.abs(entry[1] - l) < Math.abs(best[1] - l) ? entry : best))[0],
  );
}
